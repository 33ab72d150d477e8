// The tiermix block in the editor: its settings in the sidebar, the live calculator as its
// preview. Plain browser JavaScript on WordPress's own globals, so it needs no build step. The
// page is rendered by PHP (tiermix.php) from the same attributes.
(({ blocks, blockEditor, components, element, i18n }) => {
  const { createElement: h, Fragment } = element;
  const { __ } = i18n;
  const { InspectorControls, useBlockProps } = blockEditor;
  const { PanelBody, SelectControl, TextControl, ToggleControl } = components;

  const choices = (pairs) => pairs.map(([value, label]) => ({ value, label }));
  // The engine's own schemes, listed by the build (schemes.js), in the editor's language.
  const french = /^fr/i.test(document.documentElement.lang);
  const SCHEMES = choices([
    ["", __("Default", "tiermix")],
    ...(window.tiermixSchemes ?? []).map(({ id, label }) => [id, french ? label.fr : label.en]),
  ]);
  const GOALS = choices([
    ["", __("Default (conversions)", "tiermix")],
    ["reach", __("Reach: most different people", "tiermix")],
    ["conversions", __("Conversions: most people persuaded", "tiermix")],
    ["blend", __("A blend of reach and conversions", "tiermix")],
    ["netValue", __("Net value: return minus cost", "tiermix")],
  ]);
  const LANGS = choices([["", __("The page's language", "tiermix")], ["en", "English"], ["fr", "Français"]]);
  const THEMES = choices([["", __("The reader's (light or dark)", "tiermix")], ["light", __("Light", "tiermix")], ["dark", __("Dark", "tiermix")]]);

  /** Settings written as text, exactly as in the shortcode; the calculator names any it refuses. */
  const TEXT = {
    budget: [__("Budget", "tiermix"), "20000"],
    currency: [__("Currency (ISO code)", "tiermix"), "EUR"],
    mix: [__("Budget split, percent per tier", "tiermix"), "nano:20,micro:50,macro:30"],
    lambda: [__("Blend weight of reach (0 to 1, with the blend goal)", "tiermix"), "0.5"],
    audience: [__("Target audience (people)", "tiermix"), "5000000"],
    posts: [__("Posts per influencer", "tiermix"), "1"],
    hourly: [__("Team cost per hour", "tiermix"), "50"],
    value: [__("Value of one conversion", "tiermix"), "40"],
    hours: [__("Team hours available", "tiermix"), ""],
    tiers: [__("Tier thresholds (followers)", "tiermix"), "micro:5000"],
    limits: [__("Limits per tier", "tiermix"), "micro.maxCount:10"],
    overrides: [__("Assumptions per tier", "tiermix"), "macro.audienceFit:0.02"],
  };

  blocks.registerBlockType("tiermix/calculator", {
    edit({ attributes, setAttributes }) {
      const text = (name) => h(TextControl, {
        key: name,
        label: TEXT[name][0],
        placeholder: TEXT[name][1],
        value: attributes[name],
        onChange: (value) => setAttributes({ [name]: value }),
      });
      const select = (name, label, options) => h(SelectControl, {
        key: name, label, options, value: attributes[name], onChange: (value) => setAttributes({ [name]: value }),
      });
      // The preview is the element the page will show: same attributes, computed live.
      const preview = {};
      for (const [name, value] of Object.entries(attributes)) {
        if (typeof value === "string" && value.trim() !== "") preview[name] = value;
      }
      if (attributes.compact) preview.compact = "";
      return h(Fragment, {},
        h(InspectorControls, {},
          h(PanelBody, { title: __("Scenario", "tiermix") },
            text("budget"), text("currency"),
            select("scheme", __("Tier scheme", "tiermix"), SCHEMES),
            text("mix"),
            select("goal", __("Goal of the best mix", "tiermix"), GOALS),
            text("lambda")),
          h(PanelBody, { title: __("Your campaign", "tiermix"), initialOpen: false },
            text("audience"), text("posts"), text("hourly"), text("value"), text("hours")),
          h(PanelBody, { title: __("Advanced", "tiermix"), initialOpen: false },
            text("tiers"), text("limits"), text("overrides")),
          h(PanelBody, { title: __("Display", "tiermix"), initialOpen: false },
            select("lang", __("Language", "tiermix"), LANGS),
            select("theme", __("Colours", "tiermix"), THEMES),
            h(ToggleControl, {
              label: __("Compact (no comparison table)", "tiermix"),
              checked: attributes.compact,
              onChange: (compact) => setAttributes({ compact }),
            }))),
        h("div", useBlockProps(), h("tier-mix", { class: "tiermix", ...preview },
          h("a", { href: "#" }, __("tiermix calculator (loading…)", "tiermix")))));
    },
    // Rendered by PHP: the saved post holds only the attributes.
    save: () => null,
  });
})(window.wp);
