#include <iostream>
int main() {
    long long n, x, best = 0;
    std::cin >> n;
    while (n--) { std::cin >> x; if (x > best) best = x; }
    std::cout << best << "\n";
}
