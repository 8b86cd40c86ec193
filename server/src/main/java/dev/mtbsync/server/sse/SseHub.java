package dev.mtbsync.server.sse;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Broadcasts server-sent events to every connected client. The hub owns its clients: it adds them,
 * writes to them and drops them, and nothing else holds one.
 *
 * <p>DESIGN NOTE: {@link #publish} only formats the event once and offers it to each client's
 * bounded queue, so a slow or stalled client can never hold up the producer (the perf watcher) or
 * the other clients. A small, fixed pool of sender threads drains the queues; no thread belongs to
 * a client, so thousands of idle streams cost no threads, and a client that goes away leaves
 * nothing behind: its next write (at the latest the keepalive comment sent every {@code keepAlive})
 * fails and it is dropped. A client whose queue fills up is dropped too; browsers reconnect by
 * themselves and send {@code Last-Event-ID}, from which the hub replays the events they missed (the
 * last {@value #REPLAY} are kept).
 */
public final class SseHub implements AutoCloseable {

  static final int REPLAY = 256;
  private static final AtomicInteger HUBS = new AtomicInteger();

  /** Counters for the load script and tests. */
  public record Stats(int clients, long published, long droppedSlow, long joined) {}

  private final Set<SseSubscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final Deque<SseSubscriber.Frame> replay = new ArrayDeque<>();
  private final ThreadPoolExecutor senders;
  private final ThreadPoolExecutor acceptor;
  private final ScheduledExecutorService ticker;
  private final int queueCapacity;
  private final AtomicLong nextId = new AtomicLong(1);
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong droppedSlow = new AtomicLong();
  private final AtomicLong joined = new AtomicLong();
  private final String threadPrefix;
  private volatile boolean closed;

  /**
   * @param senderThreads threads writing to clients
   * @param queueCapacity frames a client may have waiting before it counts as too slow
   * @param keepAlive how often idle streams get a comment
   */
  public SseHub(int senderThreads, int queueCapacity, Duration keepAlive) {
    this("mtbsync-sse", senderThreads, queueCapacity, keepAlive);
  }

  /**
   * As {@link #SseHub(int, int, Duration)}, its threads named {@code name-H-sender}, {@code
   * name-H-accept} and {@code name-H-keepalive} (H numbers the hubs of this process), so a server
   * with several hubs, or a process with several servers, tells them apart.
   */
  public SseHub(String name, int senderThreads, int queueCapacity, Duration keepAlive) {
    this.queueCapacity = queueCapacity;
    String prefix = name + "-" + HUBS.incrementAndGet();
    this.threadPrefix = prefix + "-";
    this.senders =
        new ThreadPoolExecutor(
            senderThreads,
            senderThreads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemon(prefix + "-sender"));
    senders.allowCoreThreadTimeOut(true);
    this.acceptor =
        new ThreadPoolExecutor(
            1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon(prefix + "-accept"));
    acceptor.allowCoreThreadTimeOut(true);
    this.ticker = Executors.newSingleThreadScheduledExecutor(daemon(prefix + "-keepalive"));
    long ms = Math.max(10, keepAlive.toMillis());
    ticker.scheduleAtFixedRate(this::keepAlive, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Adds a client; it first gets a {@code hello} event, then any events after {@code lastEventId}
   * still in the replay buffer, then every event published.
   *
   * @param lastEventId the {@code Last-Event-ID} a reconnecting browser sent, or null
   */
  public void join(SseChannel channel, String lastEventId) {
    if (closed) {
      channel.close();
      return;
    }
    SseSubscriber[] self = new SseSubscriber[1];
    SseSubscriber s =
        new SseSubscriber(channel, queueCapacity, senders, () -> subscribers.remove(self[0]));
    self[0] = s;
    subscribers.add(s);
    joined.incrementAndGet();
    s.offer(new SseSubscriber.Frame("hello", "{\"clients\":" + subscribers.size() + "}", null));
    long after = parse(lastEventId);
    if (after > 0) {
      for (SseSubscriber.Frame f : replaySince(after)) {
        s.offer(f);
      }
    }
    if (closed) { // closed while joining
      s.close();
    }
  }

  /** Sends {@code data} (JSON) as event {@code event} to every client. */
  public void publish(String event, String data) {
    SseSubscriber.Frame f =
        new SseSubscriber.Frame(event, data, Long.toString(nextId.getAndIncrement()));
    synchronized (replay) {
      replay.addLast(f);
      if (replay.size() > REPLAY) {
        replay.removeFirst();
      }
    }
    published.incrementAndGet();
    for (SseSubscriber s : subscribers) {
      if (!s.offer(f) && !closed) {
        droppedSlow.incrementAndGet();
      }
    }
  }

  /**
   * The executor that hands new connections to {@link #join} (Javalin runs an event-stream handler
   * asynchronously; by default on a pool that grows a thread per simultaneous connect). Joining
   * only queues a frame, so one thread keeps up with any burst of connects.
   */
  public ExecutorService acceptor() {
    return acceptor;
  }

  public int clients() {
    return subscribers.size();
  }

  /** The start of every name of this hub's threads (unique in the process). */
  public String threadPrefix() {
    return threadPrefix;
  }

  public Stats stats() {
    return new Stats(subscribers.size(), published.get(), droppedSlow.get(), joined.get());
  }

  /** Ends every stream and stops the hub's threads. */
  @Override
  public void close() {
    closed = true;
    ticker.shutdownNow();
    for (SseSubscriber s : List.copyOf(subscribers)) {
      s.close();
    }
    senders.shutdownNow();
    acceptor.shutdownNow();
  }

  private void keepAlive() {
    SseSubscriber.Frame ping = new SseSubscriber.Frame(null, "keepalive", null);
    for (SseSubscriber s : subscribers) {
      s.offer(ping);
    }
  }

  private List<SseSubscriber.Frame> replaySince(long id) {
    synchronized (replay) {
      return replay.stream().filter(f -> Long.parseLong(f.id()) > id).toList();
    }
  }

  private static long parse(String id) {
    try {
      return id == null ? 0 : Long.parseLong(id.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
