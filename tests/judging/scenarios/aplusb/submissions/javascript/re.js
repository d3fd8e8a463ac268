null.crash();
