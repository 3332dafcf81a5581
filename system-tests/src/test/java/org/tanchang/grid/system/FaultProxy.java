package org.tanchang.grid.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy (NetCrusher) between one service instance and Kafka or MongoDB, which a fault schedule breaks in the
 * ways a network does: refused (partition), silent (black hole: connections stay open, nothing arrives), slow
 * (latency both ways) or reset (every connection dropped, again and again).
 */
final class FaultProxy implements AutoCloseable {

    private final String name;
    private final NioReactor reactor;
    private final TcpCrusher crusher;
    private volatile long delayNanos;

    FaultProxy(String name, int listenPort, int targetPort) throws IOException {
        this.name = name;
        this.reactor = new NioReactor(10);
        // one throttler per direction and connection, all reading the same switch: latency is turned on and off
        // without touching the open connections
        Throttler delay = new Throttler() {
            @Override
            public long calculateDelayNs(ByteBuffer bb) {
                return delayNanos;
            }
        };
        this.crusher = TcpCrusherBuilder.builder().withReactor(reactor)
                .withBindAddress("localhost", listenPort).withConnectAddress("localhost", targetPort)
                .withIncomingThrottlerFactory(address -> delay).withOutgoingThrottlerFactory(address -> delay)
                .withConnectionTimeoutMs(2000)
                .buildAndOpen();
    }

    String name() {
        return name;
    }

    /** Partition: the listener closes, every connection with it; new ones are refused. */
    void partition() {
        crusher.close();
    }

    /** Black hole: connections stay open but carry nothing; new ones are not accepted. */
    void blackHole() {
        crusher.freeze();
    }

    void latency(long millis) {
        delayNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** Every open connection is dropped at once; the client reconnects through the proxy. */
    void resetConnections() {
        crusher.closeAllPairs();
    }

    int connections() {
        return crusher.getClientAddresses().size();
    }

    /** Back to a healthy wire. */
    void heal() {
        delayNanos = 0;
        if (!crusher.isOpen()) {
            crusher.open();
        }
        if (crusher.isFrozen()) {
            crusher.unfreeze();
        }
    }

    @Override
    public void close() {
        crusher.close();
        reactor.close();
    }
}
