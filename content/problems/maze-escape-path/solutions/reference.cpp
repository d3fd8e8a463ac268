// BFS from T towards S, trying moves in another order than the Python reference, so the
// route printed is usually a different shortest one: the checker replays it.
#include <cstdio>
#include <string>
#include <vector>

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    std::vector<std::string> g(n);
    std::vector<char> buf(m + 1);
    int s = -1, t = -1;
    for (int r = 0; r < n; ++r) {
        scanf("%s", buf.data());
        g[r] = buf.data();
        for (int c = 0; c < m; ++c) {
            if (g[r][c] == 'S') s = r * m + c;
            if (g[r][c] == 'T') t = r * m + c;
        }
    }
    // next[cell]: the move that takes cell one step closer to T
    std::vector<char> next(n * m, 0);
    std::vector<int> queue{t};
    next[t] = '!';
    const int dr[4] = {0, 0, 1, -1}, dc[4] = {1, -1, 0, 0};
    const char toward[4] = {'L', 'R', 'U', 'D'};  // from the neighbour back to this cell
    for (size_t head = 0; head < queue.size() && !next[s]; ++head) {
        int r = queue[head] / m, c = queue[head] % m;
        for (int k = 0; k < 4; ++k) {
            int nr = r + dr[k], nc = c + dc[k];
            if (nr < 0 || nr >= n || nc < 0 || nc >= m || g[nr][nc] == '#') continue;
            int cell = nr * m + nc;
            if (next[cell]) continue;
            next[cell] = toward[k];
            queue.push_back(cell);
        }
    }
    if (!next[s]) {
        printf("-1\n");
        return 0;
    }
    std::string moves;
    for (int cell = s; cell != t;) {
        char mv = next[cell];
        moves += mv;
        if (mv == 'U') cell -= m;
        else if (mv == 'D') cell += m;
        else if (mv == 'L') cell -= 1;
        else cell += 1;
    }
    printf("%zu\n%s\n", moves.size(), moves.c_str());
    return 0;
}
