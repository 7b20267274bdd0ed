/**
 * The place gazetteer (src/lexicon/gazetteer/*.json), checked with zod once per process.
 * places.ts builds its matcher from these rows.
 */
import { z } from "zod";
import { checked } from "./checked.js";
import chinaJson from "./gazetteer/china.json" with { type: "json" };
import citiesJson from "./gazetteer/cities.json" with { type: "json" };
import countriesJson from "./gazetteer/countries.json" with { type: "json" };
import regionsJson from "./gazetteer/regions.json" with { type: "json" };
import wordsJson from "./gazetteer/words.json" with { type: "json" };

const Forms = z.array(z.string().min(1)).optional();
const Comment = z.string().optional();

const Region = z.object({ name: z.string().min(1), aliases: Forms, demonyms: Forms });
const PlaceIn = Region.extend({ country: z.string().min(1) });
export type Region = z.infer<typeof Region>;
export type PlaceIn = z.infer<typeof PlaceIn>;

const Countries = z.object({
  $comment: Comment,
  places: z.array(Region),
});
const China = z.object({
  $comment: Comment,
  provinces: z.array(Region.extend({ nonProvince: z.literal(true).optional() })),
  cities: z.array(Region),
});
const Regions = z.object({
  $comment: Comment,
  usStates: z.array(Region),
  mexicoStates: z.array(Region),
  other: z.array(PlaceIn),
});
const Cities = z.object({ $comment: Comment, places: z.array(PlaceIn) });
const Words = z.object({
  $comment: Comment,
  notPlaces: z.array(z.string().min(1)),
  wordLikeNames: z.array(z.string().min(1)),
  placeColumns: z.array(z.string().min(1)),
  adminKinds: z.array(z.string().min(1)),
  areaBodies: z.array(z.string().min(1)),
  takesThe: z.array(z.string().min(1)),
});

export const COUNTRIES = checked(Countries, countriesJson, "gazetteer/countries.json").places;
export const CHINA = checked(China, chinaJson, "gazetteer/china.json");
export const REGIONS = checked(Regions, regionsJson, "gazetteer/regions.json");
export const WORLD_CITIES = checked(Cities, citiesJson, "gazetteer/cities.json").places;
export const PLACE_WORDS = checked(Words, wordsJson, "gazetteer/words.json");
