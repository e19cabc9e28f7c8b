package dev.nnc.runtime.rl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What a checkpoint of a job with {@code env:} holds besides the weights, in one file: the episodes
 * (the one under way, the statistics), the action choice's random state, and the replay buffer
 * (with {@code replay:}) or the steps gathered towards the next batch of episodes (with {@code
 * episodes:}). Restoring it makes {@code --resume} continue exactly as the run would have.
 * {@code replay} and {@code episodes} are null where the job has none.
 */
public record ActingState(Rollout rollout, ActionChoice act, ReplayBuffer replay, EpisodeBuffer episodes) {
  /** The file's name in a checkpoint's folder. */
  public static final String FILE_NAME = "acting.bin";

  private static final int MAGIC = 0x6E6E6352; // "nncR"
  private static final int FORMAT = 1;

  /** Writes the state to {@code file}, whole or not at all (a temporary file moved into place). */
  public void save(Path file) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream stream = Files.newOutputStream(temporary);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      rollout.writeTo(out);
      out.writeLong(act.randomState());
      out.writeBoolean(replay != null);
      if (replay != null) {
        replay.writeTo(out);
      }
      out.writeBoolean(episodes != null);
      if (episodes != null) {
        episodes.writeTo(out);
      }
    }
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Puts back the state {@link #save} wrote into this one's parts, which must be those of the same
   * job; an {@link IOException} says what does not fit or that the file is damaged.
   */
  public void restore(Path file) throws IOException {
    try (InputStream stream = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + " is not the acting state of a checkpoint");
      }
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IOException(file + " has format " + format + ", not " + FORMAT);
      }
      rollout.readFrom(in);
      act.restoreRandomState(in.readLong());
      boolean hasReplay = in.readBoolean();
      if (hasReplay != (replay != null)) {
        throw new IOException(file + (hasReplay ? " holds a replay buffer, but this job has no replay:"
            : " holds no replay buffer, but this job has replay:"));
      }
      if (replay != null) {
        replay.readFrom(in);
      }
      boolean hasEpisodes = in.readBoolean();
      if (hasEpisodes != (episodes != null)) {
        throw new IOException(file + (hasEpisodes ? " holds steps towards a batch of episodes, but this job has no episodes:"
            : " holds no steps towards a batch of episodes, but this job has episodes:"));
      }
      if (episodes != null) {
        episodes.readFrom(in);
      }
      if (in.read() != -1) {
        throw new IOException(file + " has more in it than an acting state");
      }
    } catch (EOFException e) {
      throw new IOException(file + " is cut short", e);
    }
  }
}
