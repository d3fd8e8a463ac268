import java.io.*;

// Monotonic stack of indices whose price is still waiting for a higher one.
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

    private static int nextInt() throws IOException {
        int c = readByte();
        while (c != '-' && (c < '0' || c > '9')) c = readByte();
        boolean neg = c == '-';
        if (neg) c = readByte();
        int r = 0;
        while (c >= '0' && c <= '9') {
            r = r * 10 + (c - '0');
            c = readByte();
        }
        return neg ? -r : r;
    }

    public static void main(String[] args) throws IOException {
        int n = nextInt();
        int[] p = new int[n], ans = new int[n], stack = new int[n];
        for (int i = 0; i < n; i++) p[i] = nextInt();
        int top = 0;
        for (int i = 0; i < n; i++) {
            while (top > 0 && p[stack[top - 1]] < p[i]) {
                int j = stack[--top];
                ans[j] = i - j;
            }
            stack[top++] = i;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(' ');
            sb.append(ans[i]);
        }
        sb.append('\n');
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        out.print(sb);
        out.flush();
    }
}
