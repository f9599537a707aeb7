import { describe, expect, it } from "vitest";
import type { SearchHit } from "@/api/types";
import { catalogPaths, parseCatalogParams, searchHitPath } from "./paths";

describe("parseCatalogParams", () => {
  it("reads every level of a deep link", () => {
    expect(parseCatalogParams({ examCode: "SY0-701" })).toEqual({
      level: "exam",
      examCode: "SY0-701",
    });
    expect(parseCatalogParams({ examCode: "SY0-701", code: "2.0" })).toEqual({
      level: "domain",
      examCode: "SY0-701",
      domainCode: "2.0",
    });
    expect(parseCatalogParams({ examCode: "SY0-701", code: "2.4" })).toEqual({
      level: "objective",
      examCode: "SY0-701",
      objectiveCode: "2.4",
    });
    expect(parseCatalogParams({ examCode: "SY0-701", code: "1.2", subCode: "1.2.3" })).toEqual({
      level: "subObjective",
      examCode: "SY0-701",
      objectiveCode: "1.2",
      subObjectiveCode: "1.2.3",
    });
  });

  it("takes a sub-objective code alone, its objective to be found", () => {
    expect(parseCatalogParams({ examCode: "SY0-701", code: "2.4.1" })).toEqual({
      level: "subObjective",
      examCode: "SY0-701",
      objectiveCode: null,
      subObjectiveCode: "2.4.1",
    });
  });

  it("leaves anything else to the API as an objective code (which answers 404)", () => {
    expect(parseCatalogParams({ examCode: "SY0-701", code: "nope" })).toEqual({
      level: "objective",
      examCode: "SY0-701",
      objectiveCode: "nope",
    });
    expect(parseCatalogParams({ examCode: "SY0-701", code: "10.0" }).level).toBe("domain");
    expect(parseCatalogParams({ examCode: "SY0-701", code: "1.10" }).level).toBe("objective");
  });
});

describe("catalog paths", () => {
  it("builds one URL per level", () => {
    expect(catalogPaths.exam("SY0-701")).toBe("/catalog/SY0-701");
    expect(catalogPaths.domain("SY0-701", "2.0")).toBe("/catalog/SY0-701/2.0");
    expect(catalogPaths.objective("SY0-701", "2.4")).toBe("/catalog/SY0-701/2.4");
    expect(catalogPaths.subObjective("SY0-701", "1.2", "1.2.3")).toBe("/catalog/SY0-701/1.2/1.2.3");
    expect(catalogPaths.subObjective("SY0-701", "1.2", "1.2.3", "1.2.3.1")).toBe(
      "/catalog/SY0-701/1.2/1.2.3?topic=1.2.3.1",
    );
  });

  it("sends each kind of search hit to its level, a topic to its study screen", () => {
    const hit = (kind: SearchHit["kind"], code: string, extra: Partial<SearchHit> = {}) =>
      ({
        kind,
        code,
        id: 1,
        title: "t",
        titleEn: "t",
        fallback: false,
        domainCode: "2.0",
        objectiveCode: null,
        subObjectiveCode: null,
        contextTitle: null,
        questionCount: null,
        matchedLocales: ["en"],
        ...extra,
      }) satisfies SearchHit;
    expect(searchHitPath("SY0-701", hit("domain", "2.0"))).toBe("/catalog/SY0-701/2.0");
    expect(searchHitPath("SY0-701", hit("objective", "2.4", { objectiveCode: "2.4" }))).toBe(
      "/catalog/SY0-701/2.4",
    );
    expect(
      searchHitPath(
        "SY0-701",
        hit("sub_objective", "2.4.1", { objectiveCode: "2.4", subObjectiveCode: "2.4.1" }),
      ),
    ).toBe("/catalog/SY0-701/2.4/2.4.1");
    expect(
      searchHitPath(
        "SY0-701",
        hit("topic", "2.2.12.1", { objectiveCode: "2.2", subObjectiveCode: "2.2.12" }),
      ),
    ).toBe("/catalog/SY0-701/2.2/2.2.12?topic=2.2.12.1");
  });
});
