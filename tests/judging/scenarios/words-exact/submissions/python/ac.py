for word in reversed(input().split()):
    print(word)
