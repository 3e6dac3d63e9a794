import { describe, expect, it } from "vitest";
import { formatAmount, isIsoDate, parseAmount } from "../model/format";

describe("amounts", () => {
  it("groups thousands and keeps at most two decimals, with the unit after a space", () => {
    expect(formatAmount(1200000, "EUR")).toBe("1,200,000 EUR");
    expect(formatAmount(999)).toBe("999");
    expect(formatAmount(1234.567, " hours ")).toBe("1,234.57 hours");
    expect(formatAmount(0, "")).toBe("0");
  });
  it("reads amounts typed with separators, and refuses what is not a number >= 0", () => {
    expect(parseAmount("1,200,000")).toBe(1200000);
    expect(parseAmount("1 200 000.5")).toBe(1200000.5);
    expect(parseAmount("25000")).toBe(25000);
    expect(parseAmount("")).toBeNull();
    expect(parseAmount("-5")).toBeNull();
    expect(parseAmount("12k")).toBeNull();
  });
});

describe("dates", () => {
  it("accepts only real calendar dates written YYYY-MM-DD", () => {
    expect(isIsoDate("2027-06-30")).toBe(true);
    expect(isIsoDate("2028-02-29"), "a leap day").toBe(true);
    expect(isIsoDate("2027-02-29"), "not a leap year").toBe(false);
    expect(isIsoDate("12/01/2026"), "mm/dd is not how Throughline writes dates").toBe(false);
    expect(isIsoDate("2027-6-30")).toBe(false);
  });
});
