import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findPlaces,
  findPlacesInQuestion,
  PLACES,
  type PlaceMention,
  placeByName,
} from "../../src/facts/places.js";

const names = (mentions: readonly PlaceMention[]) => mentions.map((m) => m.place.name);
const pairs = (mentions: readonly PlaceMention[]) => mentions.map((m) => [m.text, m.place.name]);

describe("PLACES coverage", () => {
  const count = (kind: string, country?: string) =>
    PLACES.filter((p) => p.kind === kind && (!country || p.country === country)).length;

  it("has every UN member plus Kosovo, Palestine and the Holy See", () => {
    expect(count("country")).toBe(196);
  });

  it("has China's 34 provincial-level divisions, incl. Taiwan, Hong Kong and Macau", () => {
    expect(count("province", "China")).toBe(34);
    for (const name of ["Taiwan", "Hong Kong", "Macau", "Inner Mongolia", "Chongqing"]) {
      expect(placeByName(name)).toMatchObject({ kind: "province", country: "China" });
    }
  });

  it("has the 50 US states plus D.C. and Puerto Rico", () => {
    expect(count("state", "United States")).toBe(52);
  });

  it("has many Chinese, US and world cities", () => {
    expect(count("city", "China")).toBeGreaterThanOrEqual(60);
    expect(count("city", "United States")).toBeGreaterThanOrEqual(60);
    expect(count("city")).toBeGreaterThanOrEqual(250);
  });

  it("has unique canonical names whose countries exist", () => {
    const canonical = PLACES.map((p) => p.name);
    expect(new Set(canonical).size).toBe(canonical.length);
    for (const place of PLACES) expect(placeByName(place.country)?.kind).toBe("country");
  });
});

describe("placeByName", () => {
  it.each([
    ["usa", "United States"],
    ["U.S.", "United States"],
    ["America", "United States"],
    ["Britain", "United Kingdom"],
    ["viet nam", "Vietnam"],
    ["Macao", "Macau"],
    ["NYC", "New York City"],
    ["Nei Mongol", "Inner Mongolia"],
    ["Guangxi Zhuang Autonomous Region", "Guangxi"],
    ["Yunnan Province", "Yunnan"],
    ["bogota", "Bogotá"],
    ["Sao Paulo", "São Paulo"],
    ["Culiacan", "Culiacán"],
    ["Georgia", "Georgia"],
    ["Georgia (US state)", "Georgia (US state)"],
  ])("%s → %s", (query, name) => {
    expect(placeByName(query)?.name).toBe(name);
  });

  it("returns undefined for unknown names", () => {
    expect(placeByName("Atlantis")).toBeUndefined();
    expect(placeByName("European")).toBeUndefined();
  });
});

describe("findPlaces", () => {
  it("reports offsets and the exact text", () => {
    const text = "Police in Yunnan and Guangxi seized 3 tons.";
    expect(findPlaces(text)).toEqual([
      { place: placeByName("Yunnan"), start: 10, end: 16, text: "Yunnan" },
      { place: placeByName("Guangxi"), start: 21, end: 28, text: "Guangxi" },
    ]);
  });

  it("prefers the longest match", () => {
    expect(
      pairs(
        findPlaces("Inner Mongolia, Mongolia, Guangxi Zhuang Autonomous Region, Yunnan Province"),
      ),
    ).toEqual([
      ["Inner Mongolia", "Inner Mongolia"],
      ["Mongolia", "Mongolia"],
      ["Guangxi Zhuang Autonomous Region", "Guangxi"],
      ["Yunnan Province", "Yunnan"],
    ]);
    expect(
      names(findPlaces("Papua New Guinea, Equatorial Guinea, Guinea-Bissau and Guinea")),
    ).toEqual(["Papua New Guinea", "Equatorial Guinea", "Guinea-Bissau", "Guinea"]);
    expect(names(findPlaces("Niger, Nigeria, South Sudan, Sudan, DR Congo, Congo"))).toEqual([
      "Niger",
      "Nigeria",
      "South Sudan",
      "Sudan",
      "Democratic Republic of the Congo",
      "Congo",
    ]);
    expect(names(findPlaces("New York City, NYC, New York, New Jersey, New Mexico"))).toEqual([
      "New York City",
      "New York City",
      "New York",
      "New Jersey",
      "New Mexico",
    ]);
    expect(names(findPlaces("Washington, D.C., Washington State and Seattle, Washington"))).toEqual(
      ["District of Columbia", "Washington", "Seattle", "Washington"],
    );
  });

  it("reads a region's demonyms, and a country's colloquial ones, as the place", () => {
    expect(
      names(findPlaces("Patrols along the Catalan coast found 12 Ohioans and 3 Brits")),
    ).toEqual(["Catalonia", "Ohio", "United Kingdom"]);
    expect(names(findPlacesInQuestion("how many texans were charged"))).toEqual(["Texas"]);
    expect(names(findPlacesInQuestion("were many brits detained"))).toEqual(["United Kingdom"]);
  });

  it("reads demonyms as their country", () => {
    const text =
      "Cambodian police arrested Vietnamese, Mexican, Chinese, Colombian, Afghan, Burmese, Thai, Lao and American nationals";
    expect(names(findPlaces(text))).toEqual([
      "Cambodia",
      "Vietnam",
      "Mexico",
      "China",
      "Colombia",
      "Afghanistan",
      "Myanmar",
      "Thailand",
      "Laos",
      "United States",
    ]);
    expect(names(findPlaces("Two Mexicans and three Nigerians"))).toEqual(["Mexico", "Nigeria"]);
  });

  it("splits Sino-X into China and X", () => {
    expect(pairs(findPlaces("the Sino-Vietnamese and Sino-Myanmar border"))).toEqual([
      ["Sino", "China"],
      ["Vietnamese", "Vietnam"],
      ["Sino", "China"],
      ["Myanmar", "Myanmar"],
    ]);
  });

  it("matches aliases, accents and curly apostrophes", () => {
    expect(
      pairs(
        findPlaces("Viet Nam, Macao, Xi’an, Pu'er, Ürümqi, Bogota, Bogotá, Côte d’Ivoire, USA"),
      ),
    ).toEqual([
      ["Viet Nam", "Vietnam"],
      ["Macao", "Macau"],
      ["Xi’an", "Xi'an"],
      ["Pu'er", "Pu'er"],
      ["Ürümqi", "Urumqi"],
      ["Bogota", "Bogotá"],
      ["Bogotá", "Bogotá"],
      ["Côte d’Ivoire", "Côte d'Ivoire"],
      ["USA", "United States"],
    ]);
  });

  it("handles U.S. forms and AP state abbreviations", () => {
    expect(pairs(findPlaces("The U.S. and the States; Tucson, Ariz. and El Paso, Tex."))).toEqual([
      ["U.S.", "United States"],
      ["the States", "United States"],
      ["Tucson", "Tucson"],
      ["Ariz.", "Arizona"],
      ["El Paso", "El Paso"],
      ["Tex.", "Texas"],
    ]);
  });

  it("does not match lowercase single words, pronouns or non-places", () => {
    expect(findPlaces("fine china, roast turkey, let us know, the states parties")).toEqual([]);
    expect(findPlaces("European, African and Asian partners")).toEqual([]);
    expect(findPlaces("cocaine from South America and Latin American routes")).toEqual([]);
    expect(findPlaces("US$3 million in U.S. dollars")).toEqual([]);
    expect(findPlaces("Mass. spectrometry")).toEqual([]);
  });

  it("matches multiword names in any case", () => {
    expect(names(findPlaces("arrests in inner mongolia and HONG KONG"))).toEqual([
      "Inner Mongolia",
      "Hong Kong",
    ]);
  });

  it("reads a city name followed by another country's state as a town of that state", () => {
    expect(names(findPlaces("Police in Paris, Texas, arrested four men."))).toEqual(["Texas"]);
    expect(names(findPlaces("A lab was raided in Canton, Ohio."))).toEqual(["Ohio"]);
    expect(names(findPlaces("A lab was raided in Guangzhou, Guangdong."))).toEqual([
      "Guangzhou",
      "Guangdong",
    ]);
    expect(names(findPlaces("Cocaine landed in Hamburg, Germany."))).toEqual([
      "Hamburg",
      "Germany",
    ]);
  });

  it("reads the names of Native American bodies and peoples as no place", () => {
    expect(
      names(findPlaces("Tribes may pool the grant with Indian Health Service dollars.")),
    ).toEqual([]);
    expect(names(findPlaces("Alaska Native people and American Indians in Ohio"))).toEqual([
      "Ohio",
    ]);
    expect(names(findPlaces("the Bureau of Indian Affairs and police in Delhi"))).toEqual([
      "Delhi",
    ]);
    expect(names(findPlaces("Indian police seized 40 kg in Mumbai."))).toContain("India");
  });

  it("reads Georgia as the country unless US context is in the same sentence", () => {
    expect(names(findPlaces("Georgia and Armenia signed a memorandum."))).toEqual([
      "Georgia",
      "Armenia",
    ]);
    expect(names(findPlaces("He was arrested in Atlanta, Georgia."))).toEqual([
      "Atlanta",
      "Georgia (US state)",
    ]);
    expect(names(findPlaces("U.S. Attorney for the Northern District of Georgia"))).toEqual([
      "United States",
      "Georgia (US state)",
    ]);
    expect(names(findPlaces("Seized in Texas. Later, Georgia and Armenia met."))).toEqual([
      "Texas",
      "Georgia",
      "Armenia",
    ]);
  });
});

describe("findPlacesInQuestion", () => {
  it.each([
    ["how many cases in yunan?", "yunan", "Yunnan"],
    ["gaungxi seizures", "gaungxi", "Guangxi"],
    ["arrests in guangdon", "guangdon", "Guangdong"],
    ["sichaun totals", "sichaun", "Sichuan"],
    ["califronia fentanyl", "califronia", "California"],
    ["what about texs", "texs", "Texas"],
    ["shenzen and more", "shenzen", "Shenzhen"],
    ["inner mongolia arrests", "inner mongolia", "Inner Mongolia"],
    ["inner mongolai arrests", "inner mongolai", "Inner Mongolia"],
    ["new yrok seizures", "new yrok", "New York"],
    ["what did china seize", "china", "China"],
    ["cases in turkey", "turkey", "Turkey"],
    ["compared with the US", "US", "United States"],
    ["cases in georgia", "georgia", "Georgia"],
  ])("%s", (question, text, name) => {
    expect(pairs(findPlacesInQuestion(question))).toEqual([[text, name]]);
  });

  it.each([
    "taxes iron chain main per drugs cases seized hence",
    "human trafficking numbers",
    "tell us the totals",
    "turkey sandwich",
    "which province had the most cases",
    "how many tons of meth were seized in total",
    "show me states ranked by arrests",
    "who was the main supplier",
    "new work from the team",
  ])("finds no place in %s", (question) => {
    expect(findPlacesInQuestion(question)).toEqual([]);
  });

  it("reads an acronym typed in lower case, unless it is a short or everyday word", () => {
    expect(names(findPlacesInQuestion("nyc murders?"))).toEqual(["New York City"]);
    expect(names(findPlacesInQuestion("uae seizures"))).toEqual(["United Arab Emirates"]);
    expect(findPlacesInQuestion("de minimis rules and us")).toEqual([]);
  });

  it("prefers exact names to typos and keeps offsets", () => {
    expect(findPlacesInQuestion("hunan or human")).toEqual([
      { place: placeByName("Hunan"), start: 0, end: 5, text: "hunan" },
    ]);
  });
});

describe("properties", () => {
  const arbitraryText = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 200 }),
    fc
      .array(
        fc.constantFrom(
          "China",
          "china",
          "U.S.",
          "US$",
          "Inner",
          "Mongolia",
          "Sino-",
          "Vietnamese",
          "Georgia",
          "Atlanta,",
          "Ga.",
          "New",
          "York",
          "City",
          "yunan",
          "gaungxi",
          " ",
          ", ",
          ".",
          "-",
          "’",
          "Xi'an",
          "human",
          "Guinea",
          "Papua",
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(" ")),
  );

  const wellFormed = (text: string, mentions: readonly PlaceMention[]) => {
    let previousEnd = 0;
    for (const m of mentions) {
      expect(m.text).toBe(text.slice(m.start, m.end));
      expect(m.start).toBeGreaterThanOrEqual(previousEnd);
      expect(m.end).toBeGreaterThan(m.start);
      previousEnd = m.end;
    }
  };

  it("findPlaces returns ordered, non-overlapping mentions that slice the text", () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        wellFormed(text, findPlaces(text));
      }),
    );
  });

  it("findPlacesInQuestion returns ordered, non-overlapping mentions that slice the text", () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        wellFormed(text, findPlacesInQuestion(text));
      }),
    );
  });

  it("every canonical name is found in running text as itself", () => {
    // "Georgia (US state)" is a lookup key, not a form written in reports.
    for (const place of PLACES.filter((p) => !p.name.includes("("))) {
      const mentions = findPlaces(`Reported in ${place.name} today.`);
      expect(names(mentions)).toContain(place.name);
    }
  });
});
