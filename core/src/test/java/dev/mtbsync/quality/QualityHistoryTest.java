package dev.mtbsync.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.quality.RegressionVerdict.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityHistoryTest {

  @TempDir Path root;

  private static QualityRecord rec(String id) {
    return RegressionGateTest.run(id, 0.05, 100, 0.9);
  }

  private Set<String> ids() {
    QualityHistory.Loaded h = QualityHistory.read(root);
    assertThat(h.unreadable()).as(String.join("; ", h.problems())).isFalse();
    Set<String> ids = new HashSet<>();
    h.records().forEach(r -> ids.add(r.runId()));
    assertThat(ids).as("no record twice").hasSameSizeAs(h.records());
    return ids;
  }

  @Test
  void recordsAppendInOrderAndWriteTheVerdict() throws IOException {
    for (int i = 0; i < 12; i++) {
      QualityTracker.Tracked t =
          QualityTracker.record(root, rec("r" + i), RegressionThresholds.DEFAULT);
      assertThat(t.verdict().status()).isEqualTo(i < 10 ? Status.LEARNING : Status.OK);
      assertThat(t.verdict().historySize()).isEqualTo(i);
    }
    List<QualityRecord> records = QualityHistory.read(root).records();
    assertThat(records).extracting(QualityRecord::runId).startsWith("r0", "r1").endsWith("r11");
    assertThat(records.get(0).p90Sec()).isEqualTo(0.05);
    String json = Files.readString(root.resolve("regression.json"));
    assertThat(json)
        .contains("\"schema_version\" : 1", "\"status\" : \"ok\"", "\"run_id\" : \"r11\"")
        .contains("\"baseline_window\" : 11", "\"history_size\" : 11", "\"p90_pct\" : 0.25");
    assertThat(Files.readString(root.resolve("quality_history.json")))
        .startsWith("{")
        .contains("\"schema_version\" : 1", "\"p90_sec\" : 0.05", "\"inlier_frac\" : 0.9");
  }

  @Test
  void keepsTheNewestTwoThousand() throws IOException {
    StringBuilder big = new StringBuilder("{\"schema_version\":1,\"records\":[");
    for (int i = 0; i < 2005; i++) {
      big.append(i == 0 ? "" : ",")
          .append("{\"run_id\":\"old")
          .append(i)
          .append("\",\"p90_sec\":0.1}");
    }
    Files.writeString(root.resolve("quality_history.json"), big.append("]}"));
    QualityTracker.record(root, rec("newest"), RegressionThresholds.DEFAULT);
    List<QualityRecord> records = QualityHistory.read(root).records();
    assertThat(records).hasSize(QualityHistory.MAX_RECORDS);
    assertThat(records.get(0).runId()).isEqualTo("old6"); // old0..old5 dropped
    assertThat(records.get(records.size() - 1).runId()).isEqualTo("newest");
  }

  @Test
  void threadsAppendingAtOnceLoseNothingAndTheFileStaysValid() throws Exception {
    int threads = 4;
    int each = 25;
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger reads = new AtomicInteger();
    List<String> bad = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (writing.get()) {
                QualityHistory.Loaded h = QualityHistory.read(root);
                if (h.unreadable() || !h.problems().isEmpty()) {
                  bad.addAll(h.problems());
                }
                reads.incrementAndGet();
              }
            });
    reader.start();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> jobs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int tag = t;
      jobs.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < each; i++) {
                  QualityTracker.record(
                      root, rec("t" + tag + "-" + i), RegressionThresholds.DEFAULT);
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : jobs) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    writing.set(false);
    reader.join();
    assertThat(bad).as("a reader never saw a broken file").isEmpty();
    assertThat(reads.get()).isPositive();
    assertThat(ids()).hasSize(threads * each);
  }

  @Test
  void processesAppendingAtOnceLoseNothing() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("java.class.path");
    List<Process> procs = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      procs.add(
          new ProcessBuilder(
                  java,
                  "-cp",
                  classpath,
                  HistoryAppender.class.getName(),
                  root.toString(),
                  "20",
                  "p" + p)
              .redirectErrorStream(true)
              .start());
    }
    for (int i = 0; i < 20; i++) { // and this process too
      QualityTracker.record(root, rec("main-" + i), RegressionThresholds.DEFAULT);
    }
    for (Process p : procs) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }
    assertThat(ids()).hasSize(80).contains("p0-19", "p1-0", "p2-7", "main-19");
  }

  @Test
  void malformedRecordsAreSkippedAndReported() throws IOException {
    Files.writeString(
        root.resolve("quality_history.json"),
        "[{\"run_id\":\"a\",\"p90_sec\":0.1},"
            + " 42,"
            + " {\"p90_sec\":0.1},"
            + " {\"run_id\":\"b\",\"p90_sec\":\"fast\"},"
            + " {\"run_id\":\"c\",\"ppm\":null}]");
    QualityHistory.Loaded h = QualityHistory.read(root);
    assertThat(h.unreadable()).isFalse();
    assertThat(h.records()).extracting(QualityRecord::runId).containsExactly("a", "c");
    Path f = root.resolve("quality_history.json");
    assertThat(h.problems())
        .containsExactly(
            f + ": record 2 skipped (not an object)",
            f + ": record 3 skipped (no run_id)",
            f + ": record 4 skipped (p90_sec is not a number: \"fast\")");
    QualityTracker.Tracked t = QualityTracker.record(root, rec("d"), RegressionThresholds.DEFAULT);
    assertThat(t.problems()).hasSize(3);
    assertThat(ids()).containsExactly("a", "c", "d");
  }

  @Test
  void anUnreadableHistoryIsSetAsideAndStartedAfresh() throws IOException {
    Files.writeString(root.resolve("quality_history.json"), "{\"records\": [ {\"run_id\": ");
    QualityHistory.Loaded h = QualityHistory.read(root);
    assertThat(h.unreadable()).isTrue();
    assertThat(h.problems())
        .singleElement()
        .asString()
        .startsWith(root.resolve("quality_history.json") + ": not a JSON file (");
    QualityTracker.Tracked t =
        QualityTracker.record(root, rec("fresh"), RegressionThresholds.DEFAULT);
    assertThat(t.problems()).hasSize(1);
    assertThat(ids()).containsExactly("fresh");
    assertThat(root.resolve("quality_history.json.unreadable"))
        .hasContent("{\"records\": [ {\"run_id\": ");
  }

  @Test
  void aMissingHistoryIsEmpty() {
    QualityHistory.Loaded h = QualityHistory.read(root.resolve("nowhere"));
    assertThat(h.records()).isEmpty();
    assertThat(h.problems()).isEmpty();
    assertThat(h.unreadable()).isFalse();
  }
}
