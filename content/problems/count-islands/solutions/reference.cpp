// Iterative flood fill on a padded grid.
#include <cstdio>
#include <vector>
#include <string>
using namespace std;

int main() {
    int r, c;
    if (scanf("%d %d", &r, &c) != 2) return 0;
    int w = c + 2;
    vector<char> land((size_t)w * (r + 2), 0);
    vector<char> row(c + 1);
    static char buf[1024];
    for (int i = 0; i < r; i++) {
        scanf("%1000s", buf);
        for (int j = 0; j < c; j++) land[(size_t)(i + 1) * w + j + 1] = buf[j] == '#';
    }
    int islands = 0, best = 0;
    vector<int> st;
    int d[4] = {1, -1, w, -w};
    for (int s = 0; s < (int)land.size(); s++) {
        if (!land[s]) continue;
        islands++;
        land[s] = 0;
        st.assign(1, s);
        int size = 0;
        while (!st.empty()) {
            int v = st.back();
            st.pop_back();
            size++;
            for (int k = 0; k < 4; k++) {
                int u = v + d[k];
                if (land[u]) land[u] = 0, st.push_back(u);
            }
        }
        if (size > best) best = size;
    }
    printf("%d %d\n", islands, best);
    return 0;
}
