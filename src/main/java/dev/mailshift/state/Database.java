package dev.mailshift.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one JDBC connection to the state file. Every public store operation runs inside {@link
 * #transaction} or {@link #read}, serialised by one lock, so several sync workers can share a
 * store and each operation is atomic.
 */
final class Database implements AutoCloseable {
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final Path file;
  final Clock clock;

  /** A unit of work on the connection. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private Database(Path file, Connection connection, Clock clock) {
    this.file = file;
    this.connection = connection;
    this.clock = clock;
  }

  static Database open(Path file, Clock clock) {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        // busy_timeout first: the WAL switch itself may wait for another process's reader.
        s.execute("PRAGMA busy_timeout = 10000");
        s.execute("PRAGMA journal_mode = WAL");
        // NORMAL in WAL mode: every commit survives a killed process; after a power loss the
        // file is intact and holds a prefix of the commits. Append intents, which must survive
        // power loss before their APPEND goes out, are committed with durableTransaction (FULL),
        // whose fsync of the WAL also makes every earlier commit durable. A prefix that lacks
        // some later mappings, checkpoints or journal rows is a state a re-run finishes safely
        // (leftover intents are settled by content).
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA foreign_keys = ON");
      }
      return new Database(file, c, clock);
    } catch (SQLException e) {
      throw new StateException("cannot open state file " + file + ": " + e.getMessage(), e);
    }
  }

  Path file() {
    return file;
  }

  /** Runs {@code work} in one transaction: all of it is committed or none. */
  <T> T transaction(Work<T> work) {
    lock.lock();
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (Throwable e) {
        // Any throwable, Errors included: setAutoCommit(true) below would otherwise commit.
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StateException("state file " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Like {@link #transaction}, but the commit is on disk (fsync of the WAL, PRAGMA synchronous =
   * FULL) before this returns, and with it every commit before it.
   */
  <T> T durableTransaction(Work<T> work) {
    lock.lock();
    try {
      setSynchronous("FULL");
      try {
        return transaction(work);
      } finally {
        setSynchronous("NORMAL");
      }
    } finally {
      lock.unlock();
    }
  }

  private void setSynchronous(String level) {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA synchronous = " + level);
    } catch (SQLException e) {
      throw new StateException("state file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Runs read-only {@code work}. */
  <T> T read(Work<T> work) {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StateException("state file " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  String now() {
    return clock.instant().toString();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StateException("cannot close state file " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
