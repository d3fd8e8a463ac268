#include <iostream>
#include <string>
#include <vector>
int main() {
    std::vector<std::string> words;
    for (std::string w; std::cin >> w;) words.push_back(w);
    for (auto it = words.rbegin(); it != words.rend(); ++it) std::cout << *it << "\n";
}
