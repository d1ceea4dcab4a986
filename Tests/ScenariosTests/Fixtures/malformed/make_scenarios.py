# Run: python3 make_scenarios.py scenarios (from this folder) to rewrite scenarios/.
# Generates the malformed scenario corpus: one file per case, first line `# expect: <substring of the message>`.
import os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
BASE = "name: corpus\nhorizon: 2030\npopulation: {growth: 0.01, base: 600000}\n"
DOC = "  doctors: {start_density: 10.5, hires: 60, attrition: 0.03}\n"
cases = []
def add(name, body, expect, base=True):
    cases.append((name, (BASE if base else "") + body, expect))
def top(name, line, expect, drop=None):
    b = BASE
    if drop: b = "".join(l + "\n" for l in b.splitlines() if not l.startswith(drop))
    cases.append((name, b + line + "\n", expect))
def trend(name, lever, expect, code="u5mr"):
    add(name, f"trends:\n  {code}: {lever}\n", expect)
def doctor(name, fields, expect, resource="doctors"):
    add(name, f"resources:\n  {resource}: {{{fields}}}\n", expect)
def budget(name, fields, expect):
    add(name, f"budget: {{{fields}}}\n", expect)

# Years
for n, v in [("min_int", "-9223372036854775808"), ("99999", "99999"), ("zero", "0"), ("1899", "1899"), ("2101", "2101")]:
    top(f"base_year_{n}", f"base_year: {v}", "base_year: must be from 1900 to 2100")
top("base_year_float", "base_year: 2023.5", "base_year: must be a year in decimal digits")
top("base_year_exponent", "base_year: 2.023e3", "base_year: must be a year in decimal digits")
top("base_year_hex", "base_year: 0x7E7", "base_year: must be a year in decimal digits")
top("base_year_quoted", 'base_year: "2023"', "base_year: must be a year, written without quotes")
top("base_year_list", "base_year: [2023]", "base_year: must be a single value")
for n, v in [("max_int", "9223372036854775807"), ("99999", "99999"), ("3000", "3000")]:
    cases.append((f"horizon_{n}", BASE.replace("horizon: 2030", f"horizon: {v}"), "horizon: must be from 1900 to 2100"))
for n, v in [("1e9", "1e9"), ("null", "null"), ("tilde", "~"), ("word", "soon"), ("float", "2030.0")]:
    cases.append((f"horizon_{n}", BASE.replace("horizon: 2030", f"horizon: {v}"), "horizon: must be a year in decimal digits"))
cases.append(("horizon_before_base", BASE.replace("horizon: 2030", "horizon: 2020"), "horizon: must be after base_year 2023"))
cases.append(("horizon_equals_base", BASE.replace("horizon: 2030", "horizon: 2023"), "horizon: must be after base_year 2023"))
cases.append(("horizon_missing", BASE.replace("horizon: 2030\n", ""), "missing field `horizon`"))
cases.append(("name_missing", BASE.replace("name: corpus\n", ""), "missing field `name`"))
cases.append(("name_empty", BASE.replace("name: corpus", "name:"), "name: must not be empty"))
cases.append(("name_list", BASE.replace("name: corpus", "name: [a, b]"), "name: must be a single value"))
cases.append(("name_long", BASE.replace("name: corpus", "name: " + "x" * 300), "characters long, more than the 200 allowed"))
cases.append(("name_nul", BASE.replace("name: corpus", 'name: "a\\0b"'), "name: contains a control character"))
cases.append(("name_escape", BASE.replace("name: corpus", 'name: "red \\e[31m"'), "name: contains a control character"))
cases.append(("empty", "", "the file is empty"))
cases.append(("only_comment", "# nothing here\n", "the file is empty"))
top("description_long", "description: " + "d" * 2100, "description: is 2100 characters long")
top("region_spaces", "region: Kon Tum", "region: must be a code")
top("region_nul", 'region: "VN\\x0028"', "region: must be a code")
top("data_long", "data: " + "a/" * 600 + "x.csv", "data: is 1205 characters long")
top("data_list", "data: [a.csv, b.csv]", "data: must be a single value")
# Draws and seed
for n, v, e in [("zero", "0", "draws: must be from 1 to 1000000"), ("negative", "-5", "draws: must be from 1 to 1000000"),
                ("too_many", "1000001", "draws: must be from 1 to 1000000"), ("float", "1e3", "draws: must be a whole number"),
                ("word", "many", "draws: must be a whole number")]:
    top(f"draws_{n}", f"draws: {v}", e)
cases.append(("draw_years", BASE.replace("horizon: 2030", "horizon: 2100") + "draws: 1000000\n", "projected years is more than 10000000 draw-years"))
for n, v in [("negative", "-1"), ("float", "1.5"), ("overflow", "18446744073709551616"), ("hex", "0x10"), ("word", "lucky")]:
    top(f"seed_{n}", f"seed: {v}", "seed: must be a whole number from 0 to 18446744073709551615")
# Population
P = "population: {growth: 0.01, base: 600000}"
for n, v in [("1e20", "1e20"), ("1e300", "1e300"), ("zero", "0"), ("negative", "-5"), ("half", "0.5")]:
    cases.append((f"population_base_{n}", BASE.replace(P, f"population: {{growth: 0.01, base: {v}}}"), "population.base: must be from 1 to 2000000000"))
for n, v in [("inf", ".inf"), ("nan", ".nan"), ("hex", "0x10"), ("percent", "5%"), ("overflow", "1e400")]:
    cases.append((f"population_base_{n}", BASE.replace(P, f"population: {{growth: 0.01, base: {v}}}"), "population.base: must be a decimal number"))
for n, v in [("half", "0.5"), ("minus", "-0.6"), ("percent", "50%")]:
    cases.append((f"population_growth_{n}", BASE.replace(P, f"population: {{growth: {v}}}"), "population.growth: must be strictly between -0.5 and 0.5"))
cases.append(("population_growth_word", BASE.replace(P, "population: {growth: fast}"), "population.growth: must be a number"))
cases.append(("population_growth_sd", BASE.replace(P, "population: {growth: 0.01, growth_sd: 0.9}"), "population.growth_sd: must be from 0 to 0.5"))
cases.append(("population_both", BASE.replace(P, "population: {series: population_avg, growth: 0.01}"), "give either `series` or `growth`"))
cases.append(("population_neither", BASE.replace(P, "population: {base: 600000}"), "population needs `series: population_avg` or `growth"))
cases.append(("population_scalar", BASE.replace(P, "population: 600000"), "population: must be a mapping"))
cases.append(("population_series_code", BASE.replace(P, "population: {series: \"pop avg\"}"), "population.series: must be a code"))
cases.append(("population_unknown_key", BASE.replace(P, "population: {growth: 0.01, rate: 2}"), "population: unknown key (got \"rate\")"))
# Top-level structure
top("unknown_key", "horizn: 2030", "the scenario: unknown key (got \"horizn\")")
top("duplicate_key", "name: again", "duplicate key")
cases.append(("root_list", "- name: x\n- horizon: 2030\n", "the scenario: must be a mapping"))
cases.append(("root_scalar", "hello\n", "the scenario: must be a mapping"))
top("complex_key", "? [a, b]\n: 1", "the scenario: a key must be a plain word")
top("quoted_key", '"horizon ": 2030', "the scenario: a key must be a plain word")
top("key_nul", '"ho\\0rizon": 2030', "the scenario: a key must be a plain word")
top("key_long", "k" * 100 + ": 1", "a key must be a word of at most 64 printable characters")
# Trends
trend("halt_banana", "{halt: banana}", "trends.u5mr.halt: must be true or false")
trend("halt_year", "{halt: 2026}", "trends.u5mr.halt: must be true or false")
trend("halt_yes", "{halt: yes}", "trends.u5mr.halt: must be true or false")
trend("halt_quoted", '{halt: "true"}', "trends.u5mr.halt: must be true or false, written without quotes")
trend("halt_list", "{halt: [true]}", "trends.u5mr.halt: must be a single value")
trend("target_path_number", "{target_path: 12}", "trends.u5mr.target_path: must be true or false")
trend("bau_one", "{bau: 1}", "trends.u5mr.bau: must be true or false")
trend("unknown_lever_key", "{speedup: 1.5}", "trends.u5mr: unknown lever (got \"speedup\")")
trend("unknown_lever_word", "faster", "trends.u5mr: unknown lever (got \"faster\")")
trend("two_levers", "{halt: true, aarr: 0.03}", "trends.u5mr has 2 levers (halt, aarr); keep one")
for n, v in [("1e308", "1e308"), ("one", "1"), ("minus_one", "-1"), ("percent", "60%"), ("old_percent_points", "4")]:
    trend(f"aarr_{n}", f"{{aarr: {v}}}", "trends.u5mr.aarr: must be from -0.5 to 0.5")
for n, v in [("inf", ".inf"), ("nan", ".nan"), ("hex", "0x10"), ("word", "fast"), ("double_percent", "4%%")]:
    trend(f"aarr_{n}", f"{{aarr: {v}}}", "trends.u5mr.aarr: must be a number")
trend("aarr_list", "{aarr: [0.01, 0.02]}", "trends.u5mr.aarr: must be a single value")
trend("accelerate_negative", "{accelerate: -1}", "trends.u5mr.accelerate: must be from 0 to 10")
trend("accelerate_huge", "{accelerate: 1e9}", "trends.u5mr.accelerate: must be from 0 to 10")
trend("accelerate_percent", "{accelerate: 150%}", "trends.u5mr.accelerate: must be a decimal number")
trend("values_negative_u5mr", "{values: {2025: -5}}", "trends.u5mr.values.2025: must be from 0 to")
trend("values_stunting_120", "{values: {2025: 120}}", "trends.stunting_u5_pct.values.2025: must be from 0 to 100", code="stunting_u5_pct")
trend("values_percent_sign", "{values: {2025: 25%}}", "trends.stunting_u5_pct.values.2025: must be a decimal number", code="stunting_u5_pct")
trend("values_before_data", "{values: {2020: 30}}", "trends.u5mr.values year: must be from 2024 to the horizon 2030")
trend("values_after_horizon", "{values: {2035: 30}}", "trends.u5mr.values year: must be from 2024 to the horizon 2030")
trend("values_word_year", "{values: {soon: 30}}", "trends.u5mr.values year: must be a year in decimal digits")
trend("values_empty", "{values: {}}", "trends.u5mr.values is empty")
trend("values_scalar", "{values: 30}", "trends.u5mr.values: must be a mapping")
trend("values_inf", "{values: {2025: .inf}}", "trends.u5mr.values.2025: must be a decimal number")
trend("cap_single", "{accelerate: 1.5, cap: [0]}", "trends.u5mr.cap: must be a pair [lower, upper]")
trend("cap_scalar", "{accelerate: 1.5, cap: 5}", "trends.u5mr.cap: must be a pair [lower, upper]")
trend("cap_above_bounds", "{accelerate: 1.5, cap: [0, 120]}", "trends.stunting_u5_pct.cap[1]: must be from 0 to 100", code="stunting_u5_pct")
trend("cap_below_bounds", "{accelerate: 1.5, cap: [-1, 50]}", "trends.stunting_u5_pct.cap[0]: must be from 0 to 100", code="stunting_u5_pct")
trend("cap_reversed", "{accelerate: 1.5, cap: [50, 10]}", "trends.u5mr.cap: lower 50 must be below upper 10")
trend("start_year_early", "{halt: true, start_year: 2019}", "trends.u5mr.start_year: must be from 2023 to the horizon 2030")
trend("start_year_late", "{halt: true, start_year: 2040}", "trends.u5mr.start_year: must be from 2023 to the horizon 2030")
trend("start_year_float", "{halt: true, start_year: 2024.5}", "trends.u5mr.start_year: must be a year in decimal digits")
trend("unknown_indicator", "halt", "trends: unknown indicator (got \"u5mr_typo\")", code="u5mr_typo")
add("indicator_nul", 'trends:\n  "u5mr\\0": halt\n', "trends: a key must be a plain word")
add("trends_list", "trends: [u5mr, imr]\n", "trends: must be a mapping")
# Resources
doctor("unknown_resource", "start_density: 10.5, hires: 60, attrition: 0.03", "resources: unknown key (got \"surgeons\")", resource="surgeons")
doctor("start_both", "start_stock: 600, start_density: 10.5, hires: 60, attrition: 0.03", "give `start_stock` or `start_density`, not both")
doctor("start_density_1e20", "start_density: 1e20, hires: 60, attrition: 0.03", "resources.doctors.start_density: must be from 0 to 10000")
doctor("start_stock_negative", "start_stock: -1, hires: 60, attrition: 0.03", "resources.doctors.start_stock: must be from 0 to 10000000")
for n, v in [("1e300", "1e300"), ("negative", "-5")]:
    doctor(f"hires_{n}", f"start_density: 10.5, hires: {v}, attrition: 0.03", "resources.doctors.hires: must be from 0 to 1000000")
for n, v in [("hex", "0x10"), ("percent", "60%"), ("word", "many"), ("octal", "0o17"), ("inf", ".inf")]:
    doctor(f"hires_{n}", f"start_density: 10.5, hires: {v}, attrition: 0.03", "resources.doctors.hires: must be a decimal number")
doctor("hires_list_short", "start_density: 10.5, hires: [60, 60], attrition: 0.03", "resources.doctors.hires: lists 2 value(s) but the scenario projects 7")
doctor("hires_list_word", "start_density: 10.5, hires: [60, 60, 60, x, 60, 60, 60], attrition: 0.03", "resources.doctors.hires[3]: must be a decimal number")
for n, v in [("1.2", "1.2"), ("negative", "-0.02"), ("100_percent", "100%"), ("one", "1")]:
    doctor(f"attrition_{n}", f"start_density: 10.5, hires: 60, attrition: {v}", "resources.doctors.attrition: must be from 0 to below 1")
doctor("attrition_word", "start_density: 10.5, hires: 60, attrition: high", "resources.doctors.attrition: must be a number")
doctor("attrition_missing", "start_density: 10.5, hires: 60", "missing field `attrition` in resources.doctors")
doctor("attrition_sd_high", "start_density: 10.5, hires: 60, attrition: 0.03, attrition_sd: 0.9", "resources.doctors.attrition_sd: must be from 0 to 0.5")
doctor("attrition_change_one", "start_density: 10.5, hires: 60, attrition: 0.03, attrition_change: 1", "resources.doctors.attrition_change: must be strictly between -1 and 1")
for n, v in [("max_int", "9223372036854775807"), ("negative", "-1"), ("51", "51")]:
    doctor(f"pipeline_delay_{n}", f"start_density: 10.5, hires: 60, attrition: 0.03, pipeline_delay: {v}", "resources.doctors.pipeline_delay: must be from 0 to 50")
doctor("pipeline_delay_float", "start_density: 10.5, hires: 60, attrition: 0.03, pipeline_delay: 2.5", "resources.doctors.pipeline_delay: must be a whole number of years")
doctor("pipeline_arrivals_huge", "start_density: 10.5, hires: 60, attrition: 0.03, pipeline_delay: 2, pipeline_arrivals: 1e9", "resources.doctors.pipeline_arrivals: must be from 0 to 1000000")
doctor("salary_huge", "start_density: 10.5, hires: 60, attrition: 0.03, salary: 1e300, cost_source: x", "resources.doctors.salary: must be from 0 to 1000000000000000")
doctor("salary_no_source", "start_density: 10.5, hires: 60, attrition: 0.03, salary: 1e8", "gives unit costs without `cost_source`")
doctor("cost_source_long", "start_density: 10.5, hires: 60, attrition: 0.03, salary: 1e8, cost_source: " + "s" * 600, "resources.doctors.cost_source: is 600 characters long")
doctor("hires_and_extra", "start_density: 10.5, hires: 60, extra_hires: 10, attrition: 0.03", "give `hires` (the total a year) or `extra_hires`")
doctor("beds_with_hires", "start_density: 40, hires: 10, attrition: 0.0", "resources.beds: unknown key (got \"hires\")", resource="beds")
add("resources_scalar", "resources: doctors\n", "resources: must be a mapping")
# Budget
budget("share_1.5", "preventive_share: 1.5", "budget.preventive_share: must be from 0 to 1")
budget("share_150_percent", "preventive_share: 150%", "budget.preventive_share: must be from 0 to 1")
budget("share_missing", "annual: 1e12", "missing field `preventive_share` in budget")
budget("annual_negative", "annual: -1, preventive_share: 0.3", "budget.annual: must be from 0 to")
budget("annual_huge", "annual: 1e300, preventive_share: 0.3", "budget.annual: must be from 0 to")
budget("annual_list_long", "annual: [1, 2, 3, 4, 5, 6, 7, 8], preventive_share: 0.3", "budget.annual: lists 8 value(s) but the scenario projects 7")
budget("currency_spaces", "currency: V N D, preventive_share: 0.3", "budget.currency: must be a code")
top("discount_rate_one", "discount_rate: 1", "discount_rate: must be from 0 to below 1")
top("discount_rate_negative", "discount_rate: -0.1", "discount_rate: must be from 0 to below 1")
# YAML features refused before composing, and syntax
top("anchor_value", "description: &d text", "anchors and aliases")
top("alias_value", "description: &d text\nregion: *d", "anchors and aliases")
laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(f"{chr(98+i)}: &{chr(98+i)} [*{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}]\n" for i in range(8))
cases.append(("billion_laughs_values", "name: x\nhorizon: 2030\n" + laughs, "anchors and aliases"))
keys = "trends:\n  &k1 {a: 1, b: 2}: 1\n" + "".join(f"  ? {{x{i}: *k1, y{i}: *k1}}\n  : {i}\n" for i in range(20))
cases.append(("billion_laughs_keys", "name: x\nhorizon: 2030\n" + keys, "anchors and aliases"))
top("tag_str", "description: !!str 12", "YAML tags")
top("tag_custom", "description: !custom value", "YAML tags")
cases.append(("deep_flow_nesting", BASE + "trends: " + "[" * 200 + "]" * 200 + "\n", "nests more than 16 levels deep"))
cases.append(("deep_block_nesting", BASE + "".join("  " * i + f"k{i}:\n" for i in range(40)) + "  " * 40 + "v: 1\n", "nests more than 16 levels deep"))
cases.append(("two_documents", BASE + "---\n" + BASE, "YAML syntax error"))
cases.append(("tab_indent", "name: x\nhorizon: 2030\ntrends:\n\tu5mr: halt\n", "YAML syntax error"))
cases.append(("unclosed_bracket", BASE + "trends: {u5mr: halt\n", "YAML syntax error"))
cases.append(("unclosed_quote", 'name: "corpus\nhorizon: 2030\n', "YAML syntax error"))
cases.append(("bad_escape", 'name: "a\\qb"\nhorizon: 2030\n', "YAML syntax error"))
cases.append(("huge_file", BASE + "description: >\n" + ("  " + "w" * 78 + "\n") * 4000, "a scenario file is a few KiB"))

for name, body, expect in cases:
    path = os.path.join(out, name + ".yaml")
    with open(path, "w") as f:
        f.write(f"# expect: {expect}\n" + body)
# Bytes that are not UTF-8 text.
with open(os.path.join(out, "not_utf8.yaml"), "wb") as f:
    f.write(b"# expect: the file is not UTF-8 text\nname: caf\xe9\nhorizon: 2030\n")
with open(os.path.join(out, "nul_bytes.yaml"), "wb") as f:
    f.write(b"# expect: YAML syntax error\nname: a\x00b\nhorizon: 2030\n")
print(len(cases) + 2, "scenario files")
