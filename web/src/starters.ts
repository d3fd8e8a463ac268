/**
 * What the editor starts from in a language the problem has no starter code for: a program
 * that reads standard input and writes standard output, as the judge runs it.
 */
import type { LanguageId } from "./api/types";

const FALLBACK: Record<LanguageId, string> = {
  python: "import sys\n\n\ndef main() -> None:\n    data = sys.stdin.read().split()\n    # solve and print\n\n\nmain()\n",
  javascript: 'const data = require("fs").readFileSync(0, "utf8").split(/\\s+/).filter(Boolean);\n// solve and console.log the answer\n',
  c: "#include <stdio.h>\n\nint main(void) {\n    /* read with scanf, print with printf */\n    return 0;\n}\n",
  cpp: "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n    // read with cin, print with cout\n    return 0;\n}\n",
  java: "import java.io.*;\nimport java.util.*;\n\npublic class Main {\n    public static void main(String[] args) throws IOException {\n        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n        // read, solve, System.out.println the answer\n    }\n}\n",
};

export function starterFor(starters: Partial<Record<LanguageId, string>>, language: LanguageId): string {
  return starters[language] ?? FALLBACK[language];
}
