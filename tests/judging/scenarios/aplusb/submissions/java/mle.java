import java.util.ArrayList;

public class Main {
    public static void main(String[] args) {
        ArrayList<int[]> keep = new ArrayList<>();
        while (true) keep.add(new int[1 << 20]);
    }
}
