public class Main {
    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 8; i++) {
            new Thread(() -> { long x = 0; while (true) { x++; } }).start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
