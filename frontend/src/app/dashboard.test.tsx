import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aPlan, aSummary, dashboardServer } from "@/test/dashboard-fixtures";
import { aUser, errorResponse, json, mockApi, renderApp, setupUser } from "@/test/utils";

const region = (name: string) => screen.getByRole("region", { name });

describe("dashboard", () => {
  it("shows the learner's figures, readiness and recommendations", async () => {
    mockApi(dashboardServer().routes);
    renderApp("/dashboard");

    const figures = await screen.findByRole("list", { name: "Your figures" });
    const figure = (label: string) =>
      within(figures)
        .getAllByRole("listitem")
        .find((item) => within(item).queryByText(label, { exact: true })) as HTMLElement;
    expect(within(figure("Streak")).getByText("4 days")).toBeInTheDocument();
    expect(within(figure("Streak")).getByText("Best: 9 days")).toBeInTheDocument();
    expect(within(figure("Questions answered")).getByText("128")).toBeInTheDocument();
    expect(
      within(figure("Questions answered")).getByText("92 correct answers"),
    ).toBeInTheDocument();
    expect(within(figure("Accuracy")).getByText("72%")).toBeInTheDocument();
    expect(within(figure("Time spent")).getByText("1 h 31 min")).toBeInTheDocument();
    expect(within(figure("Due for review")).getByText("6")).toBeInTheDocument();
    expect(
      within(figure("Due for review")).getByRole("link", { name: "Review now" }),
    ).toHaveAttribute("href", "/practice/SY0-701?mode=due");
    expect(within(figure("Average mastery")).getByText("23/100")).toBeInTheDocument();
    expect(
      within(figure("Average mastery")).getByText("31 of 177 sub-objectives practised"),
    ).toBeInTheDocument();

    const readiness = region("Exam readiness");
    expect(within(readiness).getByText("Estimated score: 642")).toBeInTheDocument();
    expect(within(readiness).getByText("Borderline")).toBeInTheDocument();
    expect(
      within(readiness).getByRole("img", {
        name: "Estimated score 642 on a scale of 100 to 900, likely between 580 and 705; the pass mark is 750.",
      }),
    ).toBeInTheDocument();
    expect(
      within(readiness).getByText("Likely between 580 and 705, pass mark 750"),
    ).toBeInTheDocument();
    expect(within(readiness).getByText(/not an official CompTIA score/)).toBeInTheDocument();
    expect(
      within(readiness).getByText(
        "1 objective has not been practised yet: the estimate is uncertain.",
      ),
    ).toBeInTheDocument();
    const domainRow = within(readiness).getByRole("row", {
      name: /^1\.0 General Security Concepts/,
    });
    expect(
      within(domainRow)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["12%", "61/100", "50%", "59"]);

    const reco = region("What to practise next");
    await within(reco).findByText("Confident mistakes to correct (2)");
    expect(within(reco).getByText("Reviews due (3)")).toBeInTheDocument();
    expect(within(reco).getByText("Never practised")).toBeInTheDocument();
    expect(within(reco).getByText("Heavily weighted on the exam")).toBeInTheDocument();
    expect(
      within(reco).getByRole("link", { name: "Practise now: 2.4.1 Malware attacks" }),
    ).toHaveAttribute("href", "/practice/SY0-701/2.4.1?mode=due");
    expect(
      within(reco).getByRole("link", { name: "Practise now: 2.2.1 Message-based vectors" }),
    ).toHaveAttribute("href", "/practice/SY0-701/2.2.1");
  });

  it("drills down from domains to objectives to sub-objectives", async () => {
    mockApi(dashboardServer().routes);
    const { router } = renderApp("/dashboard");
    const user = setupUser();
    const section = await screen.findByRole("region", { name: "Progress per domain" });

    const domain = await within(section).findByRole("button", {
      name: /^1\.0 General Security Concepts/,
    });
    expect(domain).toHaveTextContent("Mastery 61/100");
    expect(domain).toHaveTextContent("Exam weight 12%");
    expect(domain).toHaveTextContent(
      "12/24 sub-objectives practised · 3 questions · 4 reviews due",
    );
    await user.click(domain);

    const domainHeading = await within(section).findByRole("heading", {
      level: 3,
      name: "1.0 General Security Concepts",
    });
    await waitFor(() => expect(domainHeading).toHaveFocus());
    expect(router.state.location.search).toBe("?domain=1.0");
    await user.click(
      await within(section).findByRole("button", { name: /^1\.1 Compare and contrast/ }),
    );

    await within(section).findByRole("heading", {
      level: 3,
      name: "1.1 Compare and contrast security controls",
    });
    expect(router.state.location.search).toBe("?domain=1.0&objective=1.1");
    const item = (await within(section).findByText("Categories")).closest("li") as HTMLElement;
    expect(within(item).getByText("Mastery: Mastered, score 81 out of 100")).toBeInTheDocument();
    expect(within(item).getByText("Topics covered: 3/4")).toBeInTheDocument();
    expect(within(item).getByText("2 reviews due")).toBeInTheDocument();
    expect(within(item).getByRole("link", { name: "Study 1.1.1 Categories" })).toHaveAttribute(
      "href",
      "/catalog/SY0-701/1.1/1.1.1",
    );
    expect(
      within(item).getByRole("link", { name: "Practise 1.1.1 Categories now" }),
    ).toHaveAttribute("href", "/practice/SY0-701/1.1.1?mode=due");
    expect(
      within(section).getByRole("link", { name: "Practise 1.1.2 Control types now" }),
    ).toHaveAttribute("href", "/practice/SY0-701/1.1.2");
    expect(within(item).getByText("3 questions")).toBeInTheDocument();
    // No question yet on 1.1.3: it says so, and nothing offers to practise it.
    const empty = within(section).getByText("Empty for now").closest("li") as HTMLElement;
    expect(within(empty).getByText("No questions yet")).toBeInTheDocument();
    expect(within(empty).getByRole("link", { name: "Study 1.1.3 Empty for now" })).toBeVisible();
    expect(within(empty).queryByRole("link", { name: /^Practise/ })).not.toBeInTheDocument();

    // Up again, from the trail.
    await user.click(within(section).getByRole("button", { name: "All domains" }));
    expect(router.state.location.search).toBe("");
    expect(
      await within(section).findByRole("button", { name: /^2\.0 Threats/ }),
    ).toBeInTheDocument();
  });

  it("has a table view of the heatmap and the activity calendar, and opens an objective from a cell", async () => {
    mockApi(dashboardServer().routes);
    const { router } = renderApp("/dashboard");
    const user = setupUser();
    await screen.findByRole("list", { name: "Your figures" });

    const heatmap = region("Mastery map");
    const cell = await within(heatmap).findByRole("button", {
      name: "1.1 72 Proficient: Compare and contrast security controls, 3 questions",
    });
    expect(cell).toHaveTextContent("1.1 72 Proficient");
    expect(
      within(heatmap).getByRole("button", {
        name: "2.2 0 Not started: Threat vectors, 3 questions",
      }),
    ).toBeInTheDocument();

    await user.click(within(heatmap).getByRole("button", { name: "Show as table" }));
    const table = within(heatmap).getByRole("table", { name: "Mastery of each objective" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      "1.01.1 Compare and contrast security controls72/100Proficient3",
      "1.01.2 Fundamental security concepts35/100Attempted3",
      "2.02.1 Threat actors and motivations48/100Familiar3",
      "2.02.2 Threat vectors0/100Not started3",
    ]);
    await user.click(within(heatmap).getByRole("button", { name: "Show as chart" }));
    await user.click(
      within(heatmap).getByRole("button", {
        name: "1.2 35 Attempted: Fundamental security concepts, 3 questions",
      }),
    );
    expect(router.state.location.search).toBe("?domain=1.0&objective=1.2");
    const heading = await within(region("Progress per domain")).findByRole("heading", {
      level: 3,
      name: "1.2 Fundamental security concepts",
    });
    await waitFor(() => expect(heading).toHaveFocus());

    const calendar = region("Activity");
    const summary = "15 questions answered on 2 days over the last 12 months.";
    expect(await within(calendar).findByRole("img", { name: summary })).toBeInTheDocument();
    expect(within(calendar).getByText(summary)).toBeInTheDocument();
    await user.click(within(calendar).getByRole("button", { name: "Show as table" }));
    const days = within(within(calendar).getByRole("table", { name: "Days with activity" }))
      .getAllByRole("row")
      .slice(1);
    expect(days).toHaveLength(2);
    expect(
      within(days[0] as HTMLElement)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["12", "9", "14"]);
  });

  it("asks the activity of the last 12 months, ending today", async () => {
    const { calls } = mockApi(dashboardServer().routes);
    renderApp("/dashboard");
    await screen.findByRole("region", { name: "Activity" });
    await waitFor(() =>
      expect(calls.some((request) => request.url.includes("/api/progress/activity"))).toBe(true),
    );
    const call = calls.find((request) => request.url.includes("/api/progress/activity"));
    const params = new URL(call?.url ?? "http://x").searchParams;
    const from = new Date(`${params.get("from")}T00:00:00Z`);
    const to = new Date(`${params.get("to")}T00:00:00Z`);
    expect((to.getTime() - from.getTime()) / 86_400_000).toBe(364);
  });

  it("leads a new learner to a first session", async () => {
    mockApi(
      dashboardServer({ summary: aSummary({ answered: 0, correct: 0, accuracy: null }) }).routes,
    );
    renderApp("/dashboard");
    expect(
      await screen.findByRole("heading", {
        level: 2,
        name: "Your dashboard fills up as you practise",
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole("link", { name: "Start with 2.4.1 Malware attacks" }),
    ).toHaveAttribute("href", "/practice/SY0-701/2.4.1?mode=due");
    expect(screen.getByRole("link", { name: "Browse the catalog" })).toHaveAttribute(
      "href",
      "/catalog/SY0-701",
    );
    expect(screen.queryByRole("list", { name: "Your figures" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Mastery map" })).toBeNull();
    expect(screen.getByRole("region", { name: "Exam date and daily plan" })).toBeInTheDocument();
  });

  it("shows the API's validation error on the exam date, then the plan", async () => {
    const server = dashboardServer();
    const sent: unknown[] = [];
    let attempt = 0;
    mockApi({
      ...server.routes,
      "PUT /api/progress/exam-date": async (request) => {
        sent.push(await request.json());
        attempt += 1;
        if (attempt === 1) {
          return errorResponse(422, "validation_error", "Some fields are invalid.", {
            date: ["Choose a date in the future."],
          });
        }
        return json(aPlan("2030-01-20", 20));
      },
    });
    renderApp("/dashboard");
    const user = setupUser();
    const section = await screen.findByRole("region", { name: "Exam date and daily plan" });
    expect(await within(section).findByText("No exam date yet.")).toBeInTheDocument();

    const input = within(section).getByLabelText("Exam date");
    expect(input).toHaveAttribute("type", "date");
    expect(input.getAttribute("min")).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Nothing chosen: said on the field, nothing sent.
    await user.click(within(section).getByRole("button", { name: "Save the date" }));
    expect(await within(section).findByText("Choose a date.")).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    await user.type(input, "2020-01-01");
    await user.click(within(section).getByRole("button", { name: "Save the date" }));
    expect(await within(section).findByText("Choose a date in the future.")).toBeInTheDocument();
    expect(within(section).getByText("Some fields are invalid.")).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(input).toHaveFocus());
    expect(sent).toEqual([{ date: "2020-01-01", examCode: "SY0-701" }]);

    await user.clear(input);
    await user.type(input, "2030-01-20");
    await user.click(within(section).getByRole("button", { name: "Save the date" }));
    const plan = await within(section).findByRole("table", { name: "Daily plan" });
    expect(screen.getByText("Exam date saved: your plan is ready.")).toBeInTheDocument();
    expect(within(section).queryByText("Choose a date in the future.")).toBeNull();
    expect(within(section).getByText("Exam on January 20, 2030")).toBeInTheDocument();
    expect(
      within(section).getByText("146 new questions to see before the exam."),
    ).toBeInTheDocument();
    const rows = () => within(plan).getAllByRole("row").slice(1);
    expect(rows()).toHaveLength(14);
    expect(
      within(rows()[0] as HTMLElement)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["7", "11"]);
    await user.click(within(section).getByRole("button", { name: "Show all 20 days" }));
    expect(rows()).toHaveLength(20);
    expect(within(section).getByRole("button", { name: "Show the first 14 days" })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
  });

  it("is in French, with the nav link, for a French learner", async () => {
    mockApi({
      ...dashboardServer().routes,
      "GET /api/auth/me": () => json({ ...aUser, language: "fr" }),
    });
    renderApp("/dashboard", "fr");
    const nav = await screen.findByRole("navigation", { name: "Navigation principale" });
    expect(await within(nav).findByRole("link", { name: "Tableau de bord" })).toHaveAttribute(
      "href",
      "/dashboard",
    );
    const figures = await screen.findByRole("list", { name: "Vos chiffres" });
    expect(within(figures).getByText("72 %")).toBeInTheDocument();
    expect(within(figures).getByText("4 jours")).toBeInTheDocument();
    expect(
      await screen.findByRole("link", { name: "S’entraîner\u00a0: 2.4.1 Malware attacks" }),
    ).toBeInTheDocument();
  });
});
