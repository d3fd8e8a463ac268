#include <vector>
int main() {
    std::vector<std::vector<int>> keep;
    for (;;) keep.emplace_back(1 << 18, 7);
}
