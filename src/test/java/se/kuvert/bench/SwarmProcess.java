package se.kuvert.bench;

import java.net.InetSocketAddress;

/** A separate process holding N display subscribers until it is killed: the benchmark's "dead" clients. */
public final class SwarmProcess {
    public static void main(String[] args) throws Exception {
        SseSwarm swarm = new SseSwarm(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), Integer.parseInt(args[1]));
        swarm.awaitFirstEvents(20_000);
        Thread.sleep(120_000);   // the benchmark kills this process long before; bounded all the same
        swarm.close();
    }
}
