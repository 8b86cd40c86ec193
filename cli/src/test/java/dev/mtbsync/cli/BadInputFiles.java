package dev.mtbsync.cli;

import com.garmin.fit.DateTime;
import com.garmin.fit.File;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import dev.mtbsync.video.H264FileSink;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Bad inputs made at test time from small good ones: byte surgery, FFmpeg through JavaCV, and
 * generated text, JSON, GPX and FIT.
 */
final class BadInputFiles {

  private BadInputFiles() {}

  /**
   * Re-encodes {@code src} into an MP4 whose index (moov) comes first, as many cameras write it:
   * cut short, such a file still opens and decodes up to the cut.
   */
  static Path faststart(Path src, Path dst) throws IOException {
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(src.toFile())) {
      g.start();
      try (FFmpegFrameRecorder r =
          new FFmpegFrameRecorder(dst.toFile(), g.getImageWidth(), g.getImageHeight(), 0)) {
        r.setFormat("mp4");
        r.setOption("movflags", "+faststart");
        r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        r.setFrameRate(g.getFrameRate());
        r.setGopSize((int) Math.round(g.getFrameRate())); // a keyframe a second
        r.setVideoQuality(23);
        r.start();
        for (Frame f = g.grabImage(); f != null; f = g.grabImage()) {
          r.record(f);
        }
      }
    }
    String head =
        new String(Arrays.copyOf(Files.readAllBytes(dst), 64), StandardCharsets.ISO_8859_1);
    if (!head.contains("moov")) {
      throw new IllegalStateException(dst + ": the index did not move to the front");
    }
    return dst;
  }

  /** The first {@code percent} % of a file's bytes, as a copy cut short leaves them. */
  static Path cut(Path src, Path dst, int percent) throws IOException {
    byte[] all = Files.readAllBytes(src);
    return Files.write(dst, Arrays.copyOf(all, (int) ((long) all.length * percent / 100)));
  }

  /** A clip of {@code frames} frames of moving noise, w x h px at {@code fps}. */
  static Path clip(Path dst, int w, int h, double fps, int frames) throws IOException {
    Random random = new Random(7);
    byte[] i420 = new byte[w * h * 3 / 2];
    try (H264FileSink sink = new H264FileSink(dst, w, h, fps, 23)) {
      for (int k = 0; k < frames; k++) {
        random.nextBytes(i420);
        Arrays.fill(i420, w * h, i420.length, (byte) 128);
        sink.write(i420);
      }
    }
    return dst;
  }

  /** A still picture in {@code format} (png, jpg), whatever the file's name says. */
  static Path still(Path dst, String format) throws IOException {
    BufferedImage img = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 180; y++) {
      for (int x = 0; x < 320; x++) {
        img.setRGB(x, y, (x * 7) << 16 | (y * 5) << 8 | (x ^ y));
      }
    }
    ImageIO.write(img, format, dst.toFile());
    return dst;
  }

  /** A second of sound and no picture (WAV). */
  static Path sound(Path dst) throws IOException {
    byte[] pcm = new byte[16_000 * 2];
    AudioFormat f = new AudioFormat(16_000, 16, 1, true, false);
    try (AudioInputStream in =
        new AudioInputStream(new java.io.ByteArrayInputStream(pcm), f, 16_000)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, dst.toFile());
    }
    return dst;
  }

  /** {@code n} bytes of noise, zero bytes included. */
  static Path noise(Path dst, int n) throws IOException {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    b[n / 2] = 0;
    return Files.write(dst, b);
  }

  /** A FIT activity of {@code points} fixes a second apart, through Garmin's FIT SDK. */
  static Path fit(Path dst, int points) {
    FileEncoder enc = new FileEncoder(dst.toFile(), Fit.ProtocolVersion.V2_0);
    FileIdMesg id = new FileIdMesg();
    id.setType(File.ACTIVITY);
    id.setManufacturer(Manufacturer.DEVELOPMENT);
    id.setTimeCreated(new DateTime(1_000_000_000L));
    enc.write(id);
    for (int i = 0; i < points; i++) {
      RecordMesg r = new RecordMesg();
      r.setTimestamp(new DateTime(1_000_000_000L + i));
      r.setPositionLat((int) ((46.0 + i * 1e-5) / 180 * (1L << 31)));
      r.setPositionLong((int) ((14.0 + i * 1e-5) / 180 * (1L << 31)));
      enc.write(r);
    }
    enc.close();
    return dst;
  }

  /** A GPX 1.1 track of {@code points} timed fixes. */
  static Path gpx(Path dst, int points) throws IOException {
    StringBuilder s =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<gpx version=\"1.1\" creator=\"test\""
                + " xmlns=\"http://www.topografix.com/GPX/1/1\">\n<trk><trkseg>\n");
    for (int i = 0; i < points; i++) {
      s.append(
          String.format(
              java.util.Locale.ROOT,
              "<trkpt lat=\"%.6f\" lon=\"%.6f\"><time>2024-05-01T10:00:%02dZ</time></trkpt>\n",
              46 + i * 1e-5,
              14 + i * 1e-5,
              i));
    }
    return Files.writeString(dst, s.append("</trkseg></trk>\n</gpx>\n"));
  }

  /** A timewarp.json with a three-knot identity mapping; {@code edit} changes its text. */
  static Path timewarp(Path dst, java.util.function.UnaryOperator<String> edit) throws IOException {
    String json =
        "{\n  \"schema_version\" : 1,\n  \"ok\" : true,\n  \"mapping\" : {\n"
            + "    \"t_new\" : [ 0.0, 1.0, 2.0 ],\n    \"t_ref\" : [ 0.0, 1.5, 3.0 ],\n"
            + "    \"confidence\" : [ 1.0, 1.0, 1.0 ]\n  }\n}\n";
    return Files.writeString(dst, edit.apply(json));
  }
}
