import { describe, expect, it } from "vitest";
import {
  COMMON_PATTERN_REASONS,
  findCommonPattern,
  hasRepeatedDigits,
  hasSequence,
  isKeypadPattern,
  isRepeatedBlock,
  isYear,
  phoneContextFromLineUri,
} from "./common-patterns.ts";
import { COMMON_PINS } from "./common-pins.ts";

const reasonOf = (pin: string, context = {}) => findCommonPattern(pin, context)?.reason;

describe("findCommonPattern: Lync's documented examples", () => {
  it.each([
    ["222222", "RepeatedDigits"],
    ["225577", "RepeatedDigits"],
    ["11223344", "RepeatedDigits"],
    ["123456", "Sequence"],
    ["991234", "Sequence"],
    ["456789", "Sequence"],
  ])("refuses %s as %s", (pin, reason) => {
    expect(reasonOf(pin)).toBe(reason);
  });
});

describe("RepeatedDigits", () => {
  it.each(["1122", "222222", "225577", "11223344", "001122", "111222", "99000", "7777777777"])(
    "is a PIN made only of runs of two or more (%s)",
    (pin) => {
      expect(hasRepeatedDigits(pin)).toBe(true);
    },
  );

  it.each(["190000", "0000", "5823333", "444487", "28888881"])(
    "contains a run of four or more (%s)",
    (pin) => {
      expect(hasRepeatedDigits(pin)).toBe(true);
    },
  );

  it.each(["1999", "5000", "112", "1223", "12213", "190007", "2002", "1001", "123", ""])(
    "does not flag %j (a run of three, or a single digit between runs)",
    (pin) => {
      expect(hasRepeatedDigits(pin)).toBe(false);
    },
  );
});

describe("Sequence", () => {
  it.each([
    "1234",
    "123456",
    "991234",
    "456789",
    "9876",
    "3210",
    "0123",
    "6789",
    "58123490",
    "27654",
    "0123456789",
  ])("finds four consecutive digits up or down in %s", (pin) => {
    expect(hasSequence(pin)).toBe(true);
  });

  it.each(["123", "1235", "8901", "7890", "9012", "2109", "1357", "12312", "135798", "321321"])(
    "does not flag %s (three in a row, gaps, or wrap-around)",
    (pin) => {
      expect(hasSequence(pin)).toBe(false);
    },
  );

  it("does not let an ascending run continue as a descending one (12321)", () => {
    expect(hasSequence("12321")).toBe(false);
  });
});

describe("RepeatedBlock", () => {
  it.each(["1212", "6969", "123123", "12341234", "147147", "582582582", "1111", "839839"])(
    "finds a shorter block repeated whole in %s",
    (pin) => {
      expect(isRepeatedBlock(pin)).toBe(true);
    },
  );

  it.each(["1", "1213", "12312", "121", "583958", "123412", ""])("does not flag %j", (pin) => {
    expect(isRepeatedBlock(pin)).toBe(false);
  });

  it("reports 1212, 6969 and 147147 as RepeatedBlock", () => {
    expect([reasonOf("1212"), reasonOf("6969"), reasonOf("147147")]).toEqual([
      "RepeatedBlock",
      "RepeatedBlock",
      "RepeatedBlock",
    ]);
  });
});

describe("KeypadPattern", () => {
  it.each([
    "2580",
    "0852",
    "147258",
    "258369",
    "789456",
    "456123",
    "321654",
    "963852",
    "741852",
    "852963",
    "369258",
    "123654",
    "123321",
    "159753",
    "753951",
    "159357",
    "147852369",
    "789456123",
    "963852741",
    "14789",
    "12321",
    "147741",
    "2580852",
  ])("is a PIN made only of straight lines of three or more keys (%s)", (pin) => {
    expect(isKeypadPattern(pin)).toBe(true);
  });

  it.each([
    ["1470", "a column, then a diagonal step"],
    ["2589", "a line of three and one key"],
    ["0859", "a line of three and one key"],
    ["8957", "neighbouring keys, no line"],
    ["1254", "a square: lines of two"],
    ["1357", "a line of two keys apart"],
    ["1593", "the diagonal, then a jump of one"],
    ["7890", "0 is below 8, not after 9"],
    ["3690", "0 is below 8, not below 9"],
    ["", "nothing"],
  ])("does not flag %j (%s)", (pin) => {
    expect(isKeypadPattern(pin)).toBe(false);
  });

  it("reports keypad lines as KeypadPattern, after the rules Lync documents and the user's own numbers", () => {
    expect(reasonOf("147258369")).toBe("KeypadPattern");
    expect(reasonOf("789456")).toBe("KeypadPattern");
    expect(reasonOf("456789")).toBe("Sequence");
    expect(reasonOf("147147")).toBe("RepeatedBlock");
    expect(reasonOf("2580", { extension: "2580" })).toBe("Extension");
  });
});

describe("Year", () => {
  it.each(["1900", "1901", "1950", "1984", "1999", "2000", "2026", "2099"])(
    "is a 4-digit year (%s)",
    (pin) => {
      expect(isYear(pin)).toBe(true);
    },
  );

  it.each(["1899", "2100", "0190", "19840", "019840", "198412", "20242024", "199"])(
    "does not flag %s: four digits from 1900 to 2099 only",
    (pin) => {
      expect(isYear(pin)).toBe(false);
    },
  );

  it("reports a year as Year, unless a rule before it matches", () => {
    expect(reasonOf("1984")).toBe("Year");
    expect(reasonOf("2001")).toBe("Year");
    expect(reasonOf("1999")).toBe("Year");
    expect(reasonOf("2000")).toBe("Year");
    expect(reasonOf("2012")).toBe("Year");
    expect(reasonOf("1919")).toBe("RepeatedBlock");
    expect(reasonOf("2345")).toBe("Sequence");
  });
});

describe("WellKnownNumber", () => {
  it.each(["0007", "0070", "00700", "8675309", "42069", "3141", "314159", "1492", "1776", "1701", "5150"])(
    "refuses %s",
    (pin) => {
      expect(reasonOf(pin)).toBe("WellKnownNumber");
    },
  );

  it.each(["0008", "8675308", "86753090", "31416"])("does not flag %s, a near miss", (pin) => {
    expect(reasonOf(pin)).toBeUndefined();
  });
});

describe("CommonPin", () => {
  it.each(["1004", "5683", "1470", "0741", "1379", "2468", "1357", "1230", "0987", "1000", "7410", "102030"])(
    "refuses %s, a popular PIN no structural rule sees",
    (pin) => {
      expect(reasonOf(pin)).toBe("CommonPin");
    },
  );

  it("ships a list of at most 100 distinct 4- and 6-digit PINs, each refused", () => {
    expect(COMMON_PINS.size).toBeGreaterThanOrEqual(60);
    expect(COMMON_PINS.size).toBeLessThanOrEqual(100);
    for (const pin of COMMON_PINS) {
      expect(pin).toMatch(/^(?:[0-9]{4}|[0-9]{6})$/);
      expect(findCommonPattern(pin), pin).toBeDefined();
    }
  });

  it("holds the DataGenetics 2012 top 20, and its ranks 21 to 60", () => {
    const top20 =
      "1234 1111 0000 1212 7777 1004 2000 4444 2222 6969 9999 3333 5555 6666 1122 1313 8888 4321 2001 1010";
    const next40 =
      "0909 2580 0007 1818 1230 1984 1986 0070 1985 0987 1000 1231 1987 1999 2468 2002 2323 0123 1123 1233 " +
      "1357 1221 1324 1988 2112 2121 5150 1024 1112 1224 1969 1225 1235 1982 1983 1001 1978 1979 7410 1020";
    for (const pin of `${top20} ${next40}`.split(" ")) expect(COMMON_PINS.has(pin), pin).toBe(true);
  });
});

describe("Extension and PhoneNumber", () => {
  const context = { extension: "9162", phoneNumber: "+1 (425) 583-9162" };

  it("refuses the user's extension", () => {
    expect(reasonOf("58102", { extension: "58102" })).toBe("Extension");
    expect(reasonOf("9162", context)).toBe("Extension");
  });

  it.each(["9162", "39162", "839162", "5839162", "55839162", "255839162", "4255839162", "14255839162"])(
    "refuses %s, the trailing digits of +1 (425) 583-9162",
    (pin) => {
      expect(reasonOf(pin, { phoneNumber: context.phoneNumber })).toBe("PhoneNumber");
    },
  );

  it.each(["114255839162", "42558391", "83916", "258391", "9163"])("does not flag %s", (pin) => {
    expect(reasonOf(pin, context)).toBeUndefined();
  });

  it("ignores a missing, null or empty context", () => {
    expect(reasonOf("58102", {})).toBeUndefined();
    expect(reasonOf("58102", { extension: null, phoneNumber: null })).toBeUndefined();
    expect(reasonOf("58102", { extension: "", phoneNumber: "ext" })).toBeUndefined();
    expect(findCommonPattern("58102")).toBeUndefined();
  });

  it("names the rule first that Lync documents, when a PIN matches several", () => {
    expect(reasonOf("1234", { extension: "1234" })).toBe("Sequence");
    expect(reasonOf("2580", { extension: "2580" })).toBe("Extension");
  });
});

describe("messages", () => {
  it("gives each reason its own message, and none contains digits", () => {
    const samples = { extension: "5810", phoneNumber: "4255558102" };
    const pins = ["1122", "4567", "3939", "5810", "558102", "2580", "1984", "0007", "1004"];
    const found = pins.map((pin) => findCommonPattern(pin, samples));
    expect(found.map((pattern) => pattern?.reason)).toEqual([...COMMON_PATTERN_REASONS]);
    for (const pattern of found) expect(pattern?.message).toMatch(/^the PIN [^0-9]+$/);
    expect(new Set(found.map((pattern) => pattern?.message)).size).toBe(COMMON_PATTERN_REASONS.length);
  });
});

describe("phoneContextFromLineUri", () => {
  it.each([
    ["tel:+14255551102;ext=1102", { extension: "1102", phoneNumber: "14255551102" }],
    ["TEL:+14255551102;EXT=1102", { extension: "1102", phoneNumber: "14255551102" }],
    ["tel:+14255551102", { extension: null, phoneNumber: "14255551102" }],
    ["tel:+1-425-555-1102;phone-context=litwareinc.com", { extension: null, phoneNumber: "14255551102" }],
    ["tel:+14255550100;phone-context=x;ext=58102", { extension: "58102", phoneNumber: "14255550100" }],
    ["tel:;ext=1102", { extension: "1102", phoneNumber: null }],
    ["+14255551102", { extension: null, phoneNumber: "14255551102" }],
    ["", { extension: null, phoneNumber: null }],
    [null, { extension: null, phoneNumber: null }],
    [undefined, { extension: null, phoneNumber: null }],
  ])("reads %j", (lineUri, expected) => {
    expect(phoneContextFromLineUri(lineUri)).toEqual(expected);
  });

  it("feeds findCommonPattern directly", () => {
    const context = phoneContextFromLineUri("tel:+14255551102;ext=1102");
    expect(reasonOf("1102", context)).toBe("Extension");
    expect(reasonOf("551102", context)).toBe("PhoneNumber");
  });
});
