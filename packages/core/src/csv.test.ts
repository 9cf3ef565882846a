import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it("quotes separators and defuses spreadsheet formulas", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("plain")).toBe("plain");
  });
});

describe("toCsv", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(
      toCsv(
        ["query", "searches"],
        [
          ["payments, v2", 3],
          ['say "hi"', 1],
          ["=HYPERLINK(1)", 0],
          [null, 2],
        ],
      ),
    ).toBe('query,searches\r\n"payments, v2",3\r\n"say ""hi""",1\r\n\'=HYPERLINK(1),0\r\n,2\r\n');
    // Numbers are numbers, even negative ones.
    expect(toCsv(["change"], [[-3]])).toBe("change\r\n-3\r\n");
  });
});
