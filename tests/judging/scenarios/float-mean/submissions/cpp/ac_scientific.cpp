#include <iomanip>
#include <iostream>
int main() {
    int n;
    double x, s = 0;
    std::cin >> n;
    for (int i = 0; i < n; i++) { std::cin >> x; s += x; }
    std::cout << std::scientific << std::setprecision(10) << s / n << "\n";
}
