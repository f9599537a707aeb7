const seg = encodeURIComponent;

/**
 * Generation URLs, by exam and sub-objective code (the same codes as the catalog):
 *   /generate/SY0-701/2.4.1             the form
 *   /generate/SY0-701/2.4.1?run=<uuid>  a run (kept in the URL, so a reload finds it again)
 */
export const generationPaths = {
  generate: (examCode: string, subObjectiveCode: string, runId?: string) =>
    `/generate/${seg(examCode)}/${seg(subObjectiveCode)}${runId ? `?run=${seg(runId)}` : ""}`,
};
