package dev.transferkit.sandbox;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Embedded start-up in a fresh JVM (every fork is one): from nothing loaded to the first answered
 * request. {@code sandbox} starts a {@link Sandbox} (ready to serve all three providers: specs
 * parsed, validators built, every operation bound, books seeded, listening) and answers one Circle
 * request through authentication, request validation, the handler and response validation. {@code
 * bareNetty}, the same-run baseline, is the floor under it: a Netty HTTP server with the sandbox's
 * codec and aggregator that answers {@code 200} to anything. Both answer the same raw HTTP/1.1
 * request over a plain socket, so the client side costs both the same.
 *
 * <p>Single shot: one measured call per fork, no warm-up; the forks give the spread.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 10,
    jvmArgsAppend = {"-Xms256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class SandboxStartupBenchmark {
  /** A documented read of Circle's digital-asset-accounts spec, with the seeded key. */
  static final String REQUEST_PATH =
      "/circle/v1/accounts/balances/" + SandboxSeed.CIRCLE_SOURCE_ACCOUNT;

  @Benchmark
  public int sandbox() throws IOException {
    try (Sandbox sandbox = Sandbox.builder().port(0).build().start()) {
      return firstStatus(sandbox.port(), REQUEST_PATH, SandboxSeed.CIRCLE_API_KEY);
    }
  }

  @Benchmark
  public int bareNetty() throws Exception {
    EventLoopGroup group = new NioEventLoopGroup();
    try {
      Channel server =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(
                              new HttpServerCodec(),
                              new HttpObjectAggregator(1_000_000),
                              new SimpleChannelInboundHandler<FullHttpRequest>() {
                                @Override
                                protected void channelRead0(
                                    ChannelHandlerContext ctx, FullHttpRequest request) {
                                  FullHttpResponse response =
                                      new DefaultFullHttpResponse(
                                          HttpVersion.HTTP_1_1,
                                          HttpResponseStatus.OK,
                                          Unpooled.wrappedBuffer(
                                              "{}".getBytes(StandardCharsets.UTF_8)));
                                  response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 2);
                                  ctx.writeAndFlush(response);
                                }
                              });
                    }
                  })
              .bind("127.0.0.1", 0)
              .sync()
              .channel();
      int status =
          firstStatus(
              ((InetSocketAddress) server.localAddress()).getPort(),
              REQUEST_PATH,
              SandboxSeed.CIRCLE_API_KEY);
      server.close().sync();
      return status;
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  /** Sends one GET with a bearer key and returns the status code of the answer's status line. */
  static int firstStatus(int port, String path, String apiKey) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nAuthorization: Bearer "
                  + apiKey
                  + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        line.append((char) b);
      }
      String[] parts = line.toString().split(" ");
      if (parts.length < 2) {
        throw new IOException("no status line from 127.0.0.1:" + port + ": " + line);
      }
      return Integer.parseInt(parts[1]);
    }
  }
}
