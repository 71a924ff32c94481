package io.imagepipe.processor;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.awt.image.BufferedImage;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link JpegCodec} on libjpeg-turbo's TurboJPEG 2.x API through the Foreign Function &amp; Memory API, with a
 * small pool of native handles and buffers that any thread, virtual ones included, borrows for one call.
 */
final class TurboJpegCodec implements JpegCodec, AutoCloseable {

    private static final List<String> LIBRARY = List.of("libturbojpeg.so.0",
            "/usr/lib/x86_64-linux-gnu/libturbojpeg.so.0", "/usr/lib/aarch64-linux-gnu/libturbojpeg.so.0");

    private static final int TJPF_BGR = 1;
    private static final int TJPF_GRAY = 6;
    private static final int TJSAMP_420 = 2;
    private static final int TJSAMP_GRAY = 3;
    private static final int TJCS_GRAY = 2;
    private static final int TJCS_CMYK = 3;
    private static final int TJCS_YCCK = 4;
    private static final int TJFLAG_NOREALLOC = 1024;
    private static final int TJFLAG_ACCURATEDCT = 4096;
    private static final int TJFLAG_STOPONWARNING = 8192;
    private static final int TJFLAG_LIMITSCANS = 32768;
    private static final int TJERR_WARNING = 0;
    /** {@code JMSG_LENGTH_MAX}: the size of the buffer {@code tjGetErrorStr2} returns. */
    private static final int MESSAGE_LENGTH = 200;

    private static final Functions FUNCTIONS;
    private static final String UNAVAILABLE_REASON;

    static {
        Functions functions = null;
        String reason = null;
        try {
            functions = Functions.bind(library());
        } catch (IllegalArgumentException | IllegalCallerException | NoSuchElementException e) {
            reason = e.getMessage();
        }
        FUNCTIONS = functions;
        UNAVAILABLE_REASON = reason;
    }

    private final int handles;
    private final BlockingQueue<Session> idle;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TurboJpegCodec(Functions tj, int handles) {
        this.handles = handles;
        this.idle = new ArrayBlockingQueue<>(handles);
        for (int i = 0; i < handles; i++) {
            idle.add(new Session(tj));
        }
    }

    /**
     * The codec with {@code handles} compressor/decompressor pairs (at most that many calls run at once, the
     * others wait), or empty when libturbojpeg cannot be loaded; {@link #unavailableReason()} tells why.
     */
    static Optional<TurboJpegCodec> load(int handles) {
        if (handles < 1) {
            throw new IllegalArgumentException("handles must be at least 1: " + handles);
        }
        return Optional.ofNullable(FUNCTIONS).map(tj -> new TurboJpegCodec(tj, handles));
    }

    /** Why libturbojpeg could not be loaded; empty when it was. */
    static Optional<String> unavailableReason() {
        return Optional.ofNullable(UNAVAILABLE_REASON);
    }

    @Override
    public String name() {
        return "libjpeg-turbo (TurboJPEG, FFM)";
    }

    /** @throws UnsupportedJpegException for CMYK, YCCK and other JPEGs better left to {@code javax.imageio} */
    @Override
    public BufferedImage decode(byte[] jpeg) throws ImageFailure {
        return withSession(session -> {
            Frame frame = session.readHeader(jpeg);
            MemorySegment pixels = session.decompress(frame);
            BufferedImage image = new BufferedImage(frame.width(), frame.height(), frame.imageType());
            MemorySegment.copy(pixels, JAVA_BYTE, 0, JpegPixels.bytes(image), 0, (int) frame.bytes());
            return image;
        });
    }

    @Override
    public byte[] encode(BufferedImage image, int quality) throws ImageFailure {
        BufferedImage packed = JpegPixels.bgrOrGrey(image);
        Frame frame = new Frame(packed.getWidth(), packed.getHeight(),
                packed.getType() == BufferedImage.TYPE_BYTE_GRAY);
        return withSession(session -> {
            MemorySegment.copy(JpegPixels.bytes(packed), 0, session.pixelBuffer(frame), JAVA_BYTE, 0,
                    (int) frame.bytes());
            return session.compress(frame, quality);
        });
    }

    /** Decodes into a native buffer and encodes from it; the pixels never reach the Java heap. */
    @Override
    public EncodedImage recompress(byte[] jpeg, int quality) throws ImageFailure {
        return withSession(session -> {
            Frame frame = session.readHeader(jpeg);
            session.decompress(frame);
            return new EncodedImage(session.compress(frame, quality), OutputFormat.JPEG, frame.width(), frame.height());
        });
    }

    /** Waits for the calls under way, then frees the native handles and buffers; later calls fail. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Session> sessions = new ArrayList<>();
        boolean interrupted = false;
        while (sessions.size() < handles) {
            try {
                sessions.add(idle.take());
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        sessions.forEach(Session::close);
        idle.addAll(sessions);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T withSession(Work<T> work) throws ImageFailure {
        Session session;
        try {
            session = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageFailure("interrupted while waiting for the JPEG codec", e);
        }
        try {
            if (closed.get()) {
                throw new IllegalStateException("the TurboJPEG codec is closed");
            }
            return work.run(session);
        } finally {
            idle.add(session);
        }
    }

    private static SymbolLookup library() {
        List<String> failures = new ArrayList<>();
        for (String name : LIBRARY) {
            try {
                return SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException e) {
                failures.add(e.getMessage());
            }
        }
        throw new IllegalArgumentException("libturbojpeg.so.0 not found: " + String.join("; ", failures));
    }

    private static <T> T call(NativeCall<T> call) {
        try {
            return call.run();
        } catch (Throwable e) {
            throw new IllegalStateException("TurboJPEG call failed: " + e, e);
        }
    }

    /** Work done with one borrowed session. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Session session) throws ImageFailure;
    }

    /** One {@code invokeExact} of a TurboJPEG function. */
    @FunctionalInterface
    private interface NativeCall<T> {
        T run() throws Throwable;
    }

    /** An image's pixel size and whether it is 8-bit grey rather than 3-byte BGR. */
    private record Frame(int width, int height, boolean grey) {

        int pixelFormat() {
            return grey ? TJPF_GRAY : TJPF_BGR;
        }

        int subsampling() {
            return grey ? TJSAMP_GRAY : TJSAMP_420;
        }

        int imageType() {
            return grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
        }

        long bytes() {
            return (long) width * height * (grey ? 1 : 3);
        }
    }

    /** The TurboJPEG 2.x functions the codec calls, bound once. */
    private record Functions(MethodHandle initCompress, MethodHandle initDecompress, MethodHandle decompressHeader3,
            MethodHandle decompress2, MethodHandle compress2, MethodHandle bufSize, MethodHandle destroy,
            MethodHandle errorString, MethodHandle errorCode) {

        static Functions bind(SymbolLookup library) {
            return new Functions(
                    bind(library, "tjInitCompress", FunctionDescriptor.of(ADDRESS)),
                    bind(library, "tjInitDecompress", FunctionDescriptor.of(ADDRESS)),
                    bind(library, "tjDecompressHeader3", FunctionDescriptor.of(JAVA_INT,
                            ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS)),
                    bind(library, "tjDecompress2", FunctionDescriptor.of(JAVA_INT,
                            ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT)),
                    bind(library, "tjCompress2", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS,
                            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT)),
                    bind(library, "tjBufSize", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT)),
                    bind(library, "tjDestroy", FunctionDescriptor.of(JAVA_INT, ADDRESS)),
                    bind(library, "tjGetErrorStr2", FunctionDescriptor.of(
                            ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(MESSAGE_LENGTH, JAVA_BYTE)), ADDRESS)),
                    bind(library, "tjGetErrorCode", FunctionDescriptor.of(JAVA_INT, ADDRESS)));
        }

        private static MethodHandle bind(SymbolLookup library, String name, FunctionDescriptor descriptor) {
            return Linker.nativeLinker().downcallHandle(library.findOrThrow(name), descriptor);
        }
    }

    /** A compressor, a decompressor and the native buffers they reuse, lent to one thread at a time. */
    private static final class Session {

        private final Functions tj;
        private final Arena arena = Arena.ofShared();
        /** Width, height, subsampling and colour space, as {@code tjDecompressHeader3} writes them. */
        private final MemorySegment header = arena.allocate(JAVA_INT, 4);
        private final MemorySegment output = arena.allocate(ADDRESS);
        private final MemorySegment outputSize = arena.allocate(JAVA_LONG);
        private final NativeBuffer jpegIn = new NativeBuffer();
        private final NativeBuffer pixels = new NativeBuffer();
        private final NativeBuffer jpegOut = new NativeBuffer();
        private final MemorySegment compressor;
        private MemorySegment decompressor;
        private long jpegInSize;

        Session(Functions tj) {
            this.tj = tj;
            compressor = requireHandle(call(() -> (MemorySegment) tj.initCompress().invokeExact()));
            decompressor = requireHandle(call(() -> (MemorySegment) tj.initDecompress().invokeExact()));
        }

        /**
         * Copies the JPEG into native memory and reads its size and colour space. Warnings are left to
         * {@link #decompress}: the header call reports a warning and a later fatal error alike, so only the
         * fields it wrote tell whether it read the header.
         */
        Frame readHeader(byte[] jpeg) throws ImageFailure {
            MemorySegment source = jpegIn.atLeast(jpeg.length);
            MemorySegment.copy(jpeg, 0, source, JAVA_BYTE, 0, jpeg.length);
            jpegInSize = jpeg.length;
            header.fill((byte) -1);
            call(() -> (int) tj.decompressHeader3().invokeExact(decompressor, source, jpegInSize,
                    header, header.asSlice(4), header.asSlice(8), header.asSlice(12)));
            int width = header.getAtIndex(JAVA_INT, 0);
            int height = header.getAtIndex(JAVA_INT, 1);
            int subsampling = header.getAtIndex(JAVA_INT, 2);
            int colourSpace = header.getAtIndex(JAVA_INT, 3);
            if (width < 1 || height < 1) {
                String message = message(decompressor);
                replaceDecompressor();
                throw fatal(message);
            }
            if (colourSpace == TJCS_CMYK || colourSpace == TJCS_YCCK) {
                throw new UnsupportedJpegException("unsupported JPEG colour space: "
                        + (colourSpace == TJCS_CMYK ? "CMYK" : "YCCK"));
            }
            if (subsampling < 0 || colourSpace < 0) {
                throw new UnsupportedJpegException("unsupported JPEG: " + message(decompressor));
            }
            Frame frame = new Frame(width, height, colourSpace == TJCS_GRAY);
            if (frame.bytes() > Integer.MAX_VALUE - 8) {
                throw new ImageFailure("the image is too large: " + width + "×" + height);
            }
            return frame;
        }

        /**
         * Decodes the JPEG read by {@link #readHeader} into the pixel buffer, stopping at the first warning:
         * premature end of data means truncated; other warnings are left to a more lenient decoder.
         */
        MemorySegment decompress(Frame frame) throws ImageFailure {
            MemorySegment target = pixelBuffer(frame);
            int result = call(() -> (int) tj.decompress2().invokeExact(decompressor, jpegIn.segment(), jpegInSize,
                    target, frame.width(), 0, frame.height(), frame.pixelFormat(),
                    TJFLAG_ACCURATEDCT | TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS));
            if (result != 0) {
                boolean warning = call(() -> (int) tj.errorCode().invokeExact(decompressor)) == TJERR_WARNING;
                String message = message(decompressor);
                if (!warning) {
                    throw fatal(message);
                }
                if (message.toLowerCase(Locale.ROOT).contains("premature end")) {
                    throw new ImageFailure("the image is truncated: " + message);
                }
                throw new UnsupportedJpegException("libjpeg-turbo stopped at a warning: " + message);
            }
            return target;
        }

        /** The pixel buffer, at least large enough for the frame. */
        MemorySegment pixelBuffer(Frame frame) {
            return pixels.atLeast(frame.bytes());
        }

        /** Encodes the pixel buffer as a baseline JPEG, 4:2:0 for colour. */
        byte[] compress(Frame frame, int quality) throws ImageFailure {
            long capacity = call(() -> (long) tj.bufSize().invokeExact(frame.width(), frame.height(),
                    frame.subsampling()));
            output.set(ADDRESS, 0, jpegOut.atLeast(capacity));
            int result = call(() -> (int) tj.compress2().invokeExact(compressor, pixels.segment(), frame.width(), 0,
                    frame.height(), frame.pixelFormat(), output, outputSize, frame.subsampling(), quality,
                    TJFLAG_NOREALLOC | TJFLAG_ACCURATEDCT));
            if (result != 0) {
                throw new ImageFailure("could not encode the image: " + message(compressor));
            }
            return jpegOut.segment().asSlice(0, outputSize.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
        }

        void close() {
            call(() -> (int) tj.destroy().invokeExact(compressor));
            call(() -> (int) tj.destroy().invokeExact(decompressor));
            jpegIn.close();
            pixels.close();
            jpegOut.close();
            arena.close();
        }

        /** TurboJPEG 2.1 leaves a decompressor mid-header, unusable, when {@code tjDecompressHeader3} fails. */
        private void replaceDecompressor() {
            call(() -> (int) tj.destroy().invokeExact(decompressor));
            decompressor = requireHandle(call(() -> (MemorySegment) tj.initDecompress().invokeExact()));
        }

        private static ImageFailure fatal(String message) {
            return message.startsWith("Unsupported JPEG")
                    ? new UnsupportedJpegException("unsupported JPEG: " + message)
                    : new ImageFailure("the image is corrupt: " + message);
        }

        /** Read right after the failing call: libjpeg formats its messages into a buffer local to the OS thread. */
        private String message(MemorySegment handle) {
            return call(() -> (MemorySegment) tj.errorString().invokeExact(handle)).getString(0);
        }

        private MemorySegment requireHandle(MemorySegment handle) {
            if (handle.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("TurboJPEG: " + message(MemorySegment.NULL));
            }
            return handle;
        }
    }

    /** A native byte buffer that grows to the largest size asked of it and is reused until closed. */
    private static final class NativeBuffer {

        private Arena arena = Arena.ofShared();
        private MemorySegment segment = MemorySegment.NULL;

        MemorySegment atLeast(long bytes) {
            if (segment.byteSize() < bytes) {
                arena.close();
                arena = Arena.ofShared();
                segment = arena.allocate(Math.max(bytes, segment.byteSize() + segment.byteSize() / 2));
            }
            return segment;
        }

        MemorySegment segment() {
            return segment;
        }

        void close() {
            arena.close();
        }
    }
}
