// 2-D recursive instantiation: hundreds of thousands of types.
template <int A, int B> struct X { static constexpr long v = X<A - 1, B>::v + X<A, B - 1>::v; };
template <int B> struct X<0, B> { static constexpr long v = 1; };
template <int A> struct X<A, 0> { static constexpr long v = 1; };
int main() { return (int)X<420, 420>::v; }
