import java.io.*;
import java.util.*;

// Greedy by earliest end time; meetings packed as (end << 32 | start) longs for a fast sort.
public class Main {
    private static final byte[] buf = new byte[1 << 16];
    private static int len = 0, ptr = 0;
    private static final InputStream in = System.in;

    private static int readByte() throws IOException {
        if (ptr == len) {
            len = in.read(buf, 0, buf.length);
            ptr = 0;
            if (len <= 0) return -1;
        }
        return buf[ptr++];
    }

    private static long nextLong() throws IOException {
        int c = readByte();
        while (c != '-' && (c < '0' || c > '9')) c = readByte();
        boolean neg = c == '-';
        if (neg) c = readByte();
        long r = 0;
        while (c >= '0' && c <= '9') {
            r = r * 10 + (c - '0');
            c = readByte();
        }
        return neg ? -r : r;
    }

    public static void main(String[] args) throws IOException {
        int n = (int) nextLong();
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            long s = nextLong(), e = nextLong();
            packed[i] = (e << 32) | s;
        }
        Arrays.sort(packed);
        long freeFrom = -1;
        int taken = 0;
        for (long p : packed) {
            long s = p & 0xffffffffL, e = p >>> 32;
            if (s >= freeFrom) {
                taken++;
                freeFrom = e;
            }
        }
        System.out.println(taken);
    }
}
