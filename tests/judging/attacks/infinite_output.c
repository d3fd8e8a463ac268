#include <stdio.h>
int main(void) { for (;;) puts("spam spam spam spam spam spam spam spam spam spam spam spam"); }
