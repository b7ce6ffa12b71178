// Evaluates JSONata expressions for moto's Step Functions interpreter (jsonata_engine.py): one JSON
// line in (the expression), one JSON line out ({"value": ...} or {"error": ...}), until stdin closes.
// moto composes each expression with its variables ($states ...) bound, so nothing else is needed.
const jsonata = require("jsonata");
const readline = require("readline");

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on("line", (line) => {
  queue = queue.then(async () => {
    let answer;
    try {
      const value = await jsonata(JSON.parse(line)).evaluate(null);
      answer = { value: value === undefined ? null : value, undefined: value === undefined };
    } catch (e) {
      answer = { error: String(e.message || e) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  });
});
