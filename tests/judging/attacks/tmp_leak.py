# Test 1 leaves a file in /tmp; test 2 must not find it.
import os

if os.path.exists("/tmp/left-by-previous-test"):
    print("leak")
else:
    with open("/tmp/left-by-previous-test", "w") as f:
        f.write("x")
    print("clean")
