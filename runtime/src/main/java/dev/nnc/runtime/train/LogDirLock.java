package dev.nnc.runtime.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Makes a log directory one run's: an operating-system lock on {@code <log-dir>/nnc.lock}
 * ({@link FileChannel#tryLock()}, {@code fcntl} on Linux), which the system releases when the
 * process ends, however it ends, so a killed run never leaves a stale lock behind. The holder writes
 * its pid, its start time and its job into the file, for the message a second run gives. The file
 * itself stays: deleting a lock file races with the next run opening it.
 */
final class LogDirLock implements AutoCloseable {
  static final String FILE_NAME = "nnc.lock";
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final FileChannel channel;
  private final FileLock lock;

  private LogDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of {@code logDir} for a run of {@code job}, or refuses at once, naming its holder. */
  static LogDirLock take(Path logDir, String job) {
    Path file = logDir.resolve(FILE_NAME);
    FileChannel channel;
    try {
      Files.createDirectories(logDir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new TrainException("cannot write " + file + ": " + e.getMessage(), e);
    }
    try {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw new TrainException("job " + job + ": " + logDir + " is in use by another run (" + holder(channel)
            + "); wait for it to end, or give this run a log directory of its own with --log-dir");
      }
      Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
      String holder = "pid=" + ProcessHandle.current().pid() + "\nstarted=" + started.truncatedTo(ChronoUnit.SECONDS)
          + "\njob=" + job + "\n";
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
      return new LogDirLock(channel, lock);
    } catch (IOException e) {
      close(channel);
      throw new TrainException("cannot lock " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close(channel);
      throw e;
    }
  }

  /** The lock, or null when another process holds it, or another run in this very JVM does. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /**
   * "pid 123, job xor, started ..." as the holder wrote it; a holder that took the lock this very
   * moment may not have written yet, so an empty file is read again a little later.
   */
  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(4096);
    for (int attempt = 0; attempt < 5 && bytes.position() == 0; attempt++) {
      if (attempt > 0) {
        pause();
      }
      channel.read(bytes, 0);
    }
    String pid = "?";
    String started = null;
    String job = null;
    for (String line : new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String value = line.substring(eq + 1);
      switch (line.substring(0, eq)) {
        case "pid" -> pid = value;
        case "started" -> started = value;
        case "job" -> job = value;
        default -> { }
      }
    }
    return "pid " + pid + (job == null ? "" : ", job " + job) + (started == null ? "" : ", started " + started(started));
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String started(String instant) {
    try {
      return TIME.format(Instant.parse(instant));
    } catch (RuntimeException e) {
      return instant;
    }
  }

  private static void close(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing releases what the failed run had; nothing more can be done about it.
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // Closing the channel below releases the lock as well.
    }
    close(channel);
  }
}
