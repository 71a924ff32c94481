/*
 * The native baseline: the same decode + re-encode at quality 50 that ImagePipe's codec does, straight on
 * libjpeg-turbo's TurboJPEG API, with the same flags, over the same files, for a fixed time on N threads.
 * Prints the number of images per second. Build: gcc -O2 -pthread tjloop.c -o tjloop -l:libturbojpeg.so.0
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef void *tjhandle;
tjhandle tjInitDecompress(void);
tjhandle tjInitCompress(void);
int tjDecompressHeader3(tjhandle, const unsigned char *, unsigned long, int *, int *, int *, int *);
int tjDecompress2(tjhandle, const unsigned char *, unsigned long, unsigned char *, int, int, int, int, int);
int tjCompress2(tjhandle, const unsigned char *, int, int, int, int, unsigned char **, unsigned long *, int, int, int);
unsigned long tjBufSize(int, int, int);
int tjDestroy(tjhandle);

#define TJPF_BGR 1
#define TJPF_GRAY 6
#define TJSAMP_420 2
#define TJSAMP_GRAY 3
#define TJCS_GRAY 2
#define DECODE_FLAGS (4096 | 8192 | 32768) /* ACCURATEDCT | STOPONWARNING | LIMITSCANS */
#define ENCODE_FLAGS (1024 | 4096)         /* NOREALLOC | ACCURATEDCT */

static unsigned char **files;
static unsigned long *sizes;
static int count;
static double seconds;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void *loop(void *arg) {
    long *done = arg;
    tjhandle d = tjInitDecompress(), c = tjInitCompress();
    unsigned char *pixels = NULL, *out = NULL;
    unsigned long pixelsSize = 0, outSize = 0;
    double end = now() + seconds;
    for (long i = 0; now() < end; i++) {
        int n = i % count, w, h, samp, cs;
        if (tjDecompressHeader3(d, files[n], sizes[n], &w, &h, &samp, &cs) != 0) exit(2);
        int grey = cs == TJCS_GRAY, pf = grey ? TJPF_GRAY : TJPF_BGR, bytes = grey ? 1 : 3;
        if ((unsigned long) w * h * bytes > pixelsSize) {
            free(pixels);
            pixelsSize = (unsigned long) w * h * bytes;
            pixels = malloc(pixelsSize);
        }
        unsigned long bound = tjBufSize(w, h, grey ? TJSAMP_GRAY : TJSAMP_420);
        if (bound > outSize) {
            free(out);
            outSize = bound;
            out = malloc(outSize);
        }
        if (tjDecompress2(d, files[n], sizes[n], pixels, w, 0, h, pf, DECODE_FLAGS) != 0) exit(3);
        unsigned long jpegSize = outSize;
        if (tjCompress2(c, pixels, w, 0, h, pf, &out, &jpegSize, grey ? TJSAMP_GRAY : TJSAMP_420, 50, ENCODE_FLAGS) != 0) exit(4);
        (*done)++;
    }
    tjDestroy(d);
    tjDestroy(c);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: tjloop THREADS SECONDS FILE...\n");
        return 1;
    }
    int threads = atoi(argv[1]);
    seconds = atof(argv[2]);
    count = argc - 3;
    files = calloc(count, sizeof *files);
    sizes = calloc(count, sizeof *sizes);
    for (int i = 0; i < count; i++) {
        FILE *f = fopen(argv[i + 3], "rb");
        if (!f) return 5;
        fseek(f, 0, SEEK_END);
        sizes[i] = ftell(f);
        rewind(f);
        files[i] = malloc(sizes[i]);
        if (fread(files[i], 1, sizes[i], f) != sizes[i]) return 6;
        fclose(f);
    }
    pthread_t *ids = calloc(threads, sizeof *ids);
    long *done = calloc(threads, sizeof *done);
    double start = now();
    for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, loop, &done[t]);
    long total = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
        total += done[t];
    }
    printf("%.2f\n", total / (now() - start));
    return 0;
}
