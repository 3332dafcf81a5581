package org.tanchang.grid.devstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * H2 backend whose acknowledged writes survive {@code kill -9}.
 *
 * <p>The stock backend leaves persistence to MVStore's background writer (about once a second), so a write
 * acknowledged just before a crash was lost. Here every command that may change data is written to the
 * file before its reply goes back to the client. Both the driver's OP_MSG path ({@code handleMessage}) and
 * the legacy {@code $cmd} path end in {@link #handleCommand}, so this one override covers every write.
 * The data reaches the OS (enough for a killed process), not the disk: there is no fsync per write.
 *
 * <p>Writes that arrive together are committed together (a group commit): a write waits for the commit that
 * follows it, and one commit covers every write applied before it began, so concurrent clients share one store
 * commit instead of queueing for one each. A reply still leaves only after its write is in the file.
 *
 * <p>Its databases plan queries with their indexes ({@link IndexedH2Database}).
 */
final class DurableH2Backend extends H2Backend {

    /** Commands known not to change stored data; anything unknown is treated as a write, to err on the safe side. */
    private static final Set<String> READ_ONLY = Set.of(
            "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases",
            "ismaster", "hello", "ping", "buildinfo", "serverstatus", "dbstats", "collstats", "getlasterror",
            "getlog", "getparameter", "getcmdlineopts", "hostinfo", "whatsmyuri", "connectionstatus",
            "killcursors", "endsessions", "currentop", "explain", "features", "getfreemonitoringstatus");

    /** Writes applied so far (by sequence) and the last of them a finished commit covered. */
    private long applied;
    private long committed;
    private final Object commitLock = new Object();
    private final SlowOperations slowOperations = SlowOperations.fromEnvironment();

    private DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * The background writer stays on: without it MVStore never reuses the space of dead chunks and the file
     * only grows. Committing per write rewrites the changed B-tree pages each time; 4 KiB pages instead of
     * 16 KiB and compression keep that write amplification (and the file) about five times smaller.
     */
    static DurableH2Backend open(Path file) {
        return new DurableH2Backend(new MVStore.Builder()
                .fileName(file.toString())
                .pageSplitSize(4 * 1024)
                .compress()
                .open());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        long started = System.nanoTime();
        try {
            if (READ_ONLY.contains(command.toLowerCase(Locale.ROOT))) {
                return super.handleCommand(channel, database, command, query);
            }
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                // Also after a failed command: an ordered insertMany or a bulk write may have applied part of
                // its work before the error, and the client is told about that part.
                persist();
            }
        } finally {
            slowOperations.record(database, command, query, System.nanoTime() - started);
        }
    }

    private void persist() {
        long mine;
        synchronized (this) {
            mine = ++applied;
        }
        synchronized (commitLock) {
            if (committed >= mine) {
                return; // a commit that began after this write was applied has covered it
            }
            long covered;
            synchronized (this) {
                covered = applied;
            }
            commitAndDrain();
            committed = covered;
        }
    }

    private void commitAndDrain() {
        commit();
        // commit() returns at once when the background writer has already collected this change, although
        // that writer may still be serialising it on its executor. Draining the write pipeline closes the gap.
        getMvStore().executeFilestoreOperation(() -> { });
    }
}
