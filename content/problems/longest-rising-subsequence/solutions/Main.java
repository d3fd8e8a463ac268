import java.io.*;

// Patience sorting: tails array + binary search (lower bound).
public class Main {
    private static final byte[] buf = new byte[1 << 16];
    private static int len = 0, ptr = 0;

    private static int readByte() throws IOException {
        if (ptr == len) {
            len = System.in.read(buf, 0, buf.length);
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
        long[] tail = new long[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long x = nextLong();
            int lo = 0, hi = size; // first index with tail >= x
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tail[mid] >= x) hi = mid;
                else lo = mid + 1;
            }
            tail[lo] = x;
            if (lo == size) size++;
        }
        System.out.println(size);
    }
}
