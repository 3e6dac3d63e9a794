import { describe, expect, it } from "vitest";
import { shiftDate, shiftMonths, timelineScale } from "../model/timeline";

describe("timeline scale", () => {
  const scale = timelineScale(["2027-03-31", null, "2026-12-15"], "2026-11-23");

  it("runs in whole months with a month of room before today and after the latest date", () => {
    expect(scale.start).toBe("2026-10-01");
    expect(scale.end).toBe("2027-05-01");
    expect(scale.months.map((m) => m.label)).toEqual(["Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr"]);
    expect(scale.months.filter((m) => m.yearStart).map((m) => m.date)).toEqual(["2027-01-01"]);
  });

  it("places dates in proportion to days and reads them back", () => {
    expect(scale.at("2026-10-01")).toBe(0);
    expect(scale.at("2027-05-01")).toBe(1);
    const middle = scale.at("2027-01-15");
    expect(middle).toBeCloseTo(106 / 212, 6);
    expect(scale.dateAt(middle)).toBe("2027-01-15");
    expect(scale.dateAt(-1), "clamped to the axis").toBe("2026-10-01");
    expect(scale.dateAt(2)).toBe("2027-05-01");
  });

  it("moves dates by days and months across month and year ends", () => {
    expect(shiftDate("2026-12-28", 7)).toBe("2027-01-04");
    expect(shiftDate("2027-03-01", -1)).toBe("2027-02-28");
    expect(shiftMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(shiftMonths("2027-01-15", -2)).toBe("2026-11-15");
  });
});
