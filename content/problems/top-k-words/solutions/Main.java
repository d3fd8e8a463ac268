import java.io.*;
import java.util.*;

// Count with a HashMap, sort by (count desc, word asc).
public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        StringBuilder all = new StringBuilder();
        char[] buf = new char[1 << 16];
        int r;
        while ((r = br.read(buf)) > 0) all.append(buf, 0, r);
        StringTokenizer st = new StringTokenizer(all.toString());
        int n = Integer.parseInt(st.nextToken());
        int k = Integer.parseInt(st.nextToken());
        HashMap<String, Integer> cnt = new HashMap<>();
        for (int i = 0; i < n; i++) cnt.merge(st.nextToken(), 1, Integer::sum);
        List<Map.Entry<String, Integer>> items = new ArrayList<>(cnt.entrySet());
        items.sort((a, b) -> {
            int c = Integer.compare(b.getValue(), a.getValue());
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(k, items.size()); i++) {
            out.append(items.get(i).getKey()).append(' ').append(items.get(i).getValue()).append('\n');
        }
        System.out.print(out);
    }
}
