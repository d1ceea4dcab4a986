# Run: python3 make_csv_and_calibration.py . (from this folder) to rewrite csv/ and calibration/.
# Malformed CSV (series, targets, catalogue) and calibration JSON files for the robustness corpus.
# First line of each CSV: none (CSV has no comments); expectations live in EXPECT.tsv next to the files.
import json, os, sys, copy
root = sys.argv[1]
csv_dir = os.path.join(root, "csv"); cal_dir = os.path.join(root, "calibration")
os.makedirs(csv_dir, exist_ok=True); os.makedirs(cal_dir, exist_ok=True)
H = "indicator_code,region,year,value,unit,source\n"
T = "indicator_code,region,year,value,comparator\n"
C = ("code,plan_row,group,name_vi,name_en,unit,unit_printed,direction,lower_bound,upper_bound,scale,national_series,"
     "national_comparable,provincial_series,note\n")
csv_cases = []
def s(name, body, expect, header=H):
    csv_cases.append((name, (header + body).encode() if isinstance(body, str) else header.encode() + body, expect))
s("value_50k_chars", "u5mr,VN,2020," + "9" * 50000 + "x,deaths,test\n", "…")
s("value_nul", b"u5mr,VN,2020,1\x002,deaths,test\n", "\\0")
s("year_huge", "u5mr,VN,99999999999999999999,12,deaths,test\n", "")
s("year_negative", "u5mr,VN,-9223372036854775808,12,deaths,test\n", "")
s("year_float", "u5mr,VN,2020.5,12,deaths,test\n", "")
s("value_1e400", "u5mr,VN,2020,1e400,deaths,test\n", "")
s("value_inf", "u5mr,VN,2020,inf,deaths,test\n", "")
s("value_nan", "u5mr,VN,2020,NaN,deaths,test\n", "")
s("value_hex", "u5mr,VN,2020,0x10,deaths,test\n", "")
s("value_negative_count", "u5mr,VN,2020,-5,deaths,test\n", "")
s("value_pct_above_100", "stunting_u5_pct,VN,2020,120,%,test\n", "")
s("header_50k", "", "", header="indicator_code,region,year,value," + "u" * 50000 + "\n")
s("many_columns", "u5mr,VN,2020,12" + ",x" * 5000 + "\n", "")
s("only_newlines", "", "", header="\n\n\n\n")
s("binary_garbage", bytes(range(256)) * 4, "", header="")
s("utf16", "u5mr,VN,2020,12,deaths,test\n".encode("utf-16"), "", header="")
s("duplicate_rows", "u5mr,VN,2020,12,deaths,a\nu5mr,VN,2020,13,deaths,b\n", "")
s("target_u5mr_negative", "u5mr,VN-28,2030,-5,<=\n", "below the indicator's lower bound 0", header=T)
s("target_dtp3_120", "dtp3_pct,VN,2030,120,>=\n", "above the indicator's upper bound 100", header=T)
s("target_comparator_long", "u5mr,VN-28,2030,20," + "<" * 5000 + "\n", "", header=T)
s("target_year_3000", "u5mr,VN-28,3000,20,<=\n", "", header=T)
s("target_value_inf", "u5mr,VN-28,2030,inf,<=\n", "", header=T)
s("catalogue_bounds_reversed", "x,,impact,x,x,%,,higher,100,0,logit,,true,,\n", "", header=C)
s("catalogue_bound_inf", "x,,impact,x,x,%,,higher,0,inf,logit,,true,,\n", "", header=C)
s("catalogue_scale_unknown", "x,,impact,x,x,%,,higher,0,100,cubic,,true,,\n", "", header=C)
# Control characters inside codes (indicator, region, unit, catalogue code/unit/series, wide-sheet headers).
s("indicator_nul", b"u5\x00mr,VN,2020,12,deaths,test\n",
  'indicator_nul.csv:2:1: indicator_code "u5\\0mr" contains the control character U+0000')
s("indicator_del", b"u5mr\x7f,VN,2020,12,deaths,test\n", "contains the control character U+007F")
s("indicator_bell_later_row", b"u5mr,VN,2020,12,deaths,test\nu5mr\x07,VN,2021,12,deaths,test\n",
  "indicator_bell_later_row.csv:3:1: indicator_code")
s("region_tab_quoted", b'u5mr,"VN\t28",2020,12,deaths,test\n', 'region_tab_quoted.csv:2:2: region "VN\\t28"')
s("region_lf_quoted", b'u5mr,"VN\n28",2020,12,deaths,test\n', 'region "VN\\n28" contains the control character U+000A')
s("region_escape_sequence", b"u5mr,VN-\x1b[31m28,2020,12,deaths,test\n", "U+001B")
s("unit_nul", b"u5mr,VN,2020,12,dea\x00ths,test\n", 'unit_nul.csv:2:5: unit "dea\\0ths"')
s("target_indicator_nul", b"u5\x00mr,VN-28,2030,20,<=\n", 'target_indicator_nul.csv:2:1: indicator_code "u5\\0mr"',
  header=T)
s("target_region_cr", b'u5mr,"VN-\r28",2030,20,<=\n', 'target_region_cr.csv:2:2: region "VN-\\r28"', header=T)
s("catalogue_code_nul", b"x\x00y,,impact,x,x,%,,higher,0,100,logit,,true,,\n", 'catalogue_code_nul.csv:2:1: code "x\\0y"',
  header=C)
s("catalogue_unit_escape", b"x,,impact,x,x,%\x1b,,higher,0,100,logit,,true,,\n", 'catalogue_unit_escape.csv:2:6: unit', header=C)
s("catalogue_unit_printed_lf", b'x,,impact,x,x,%,"per\n1000",higher,0,100,logit,,true,,\n', "unit_printed", header=C)
s("catalogue_series_tab", b'x,,impact,x,x,%,,higher,0,100,logit,"u5\tmr",true,,\n', 'national_series "u5\\tmr"', header=C)
s("wide_header_control", b"region,year,u5\x01mr\nVN,2023,12\n", 'wide_header_control.csv:1:3: read as wide sheet: column "u5\\u{1}mr"',
  header="")
s("wide_region_nul", b"region,year,u5mr\nV\x00N,2023,12\n", 'wide_region_nul.csv:2:1: region "V\\0N"', header="")
# A header wider than a spreadsheet (found by the fuzz smoke: a million empty names took seconds).
s("header_20004_columns", "u5mr,VN,2020,12\n", "header_20004_columns.csv:1:16385: the header has 20004 columns, more than the 16384",
  header="indicator_code,region,year,value" + "," * 20000 + "\n")
with open(os.path.join(csv_dir, "EXPECT.tsv"), "w") as f:
    f.write("# file\tfragment of the message (empty: any message)\n")
    for name, data, expect in csv_cases:
        with open(os.path.join(csv_dir, name + ".csv"), "wb") as g: g.write(data)
        f.write(f"{name}.csv\t{expect}\n")

# Calibration: mutations of a small valid file.
fam = lambda g: {"group": g, "degreesOfFreedom": 5, "factors": [], "rawFactors": [], "driftVariance": 0.001,
                 "driftExponent": 1.75, "coverage80": [0.8], "coverage95": [0.95], "slopeAttenuation": 0.5,
                 "series": 10, "errors": 100}
valid = {"version": 2, "method": "test", "families": [fam("mortality"), fam("nutrition")], "pooled": fam("pooled"),
         "fallbacks": {}, "provenance": None}
cal_cases = []
def c(name, mutate, expect):
    d = copy.deepcopy(valid); r = mutate(d)
    text = r if isinstance(r, (str, bytes)) else json.dumps(d)
    cal_cases.append((name, text, expect))
def setf(path, value):
    def m(d):
        o = d
        for k in path[:-1]: o = o[k]
        o[path[-1]] = value
    return m
def delf(path):
    def m(d):
        o = d
        for k in path[:-1]: o = o[k]
        del o[path[-1]]
    return m
c("drift_variance_1e308", setf(["families", 0, "driftVariance"], 1e308), "families[0].driftVariance: τ² must be from 0 to 10")
c("drift_variance_negative", setf(["pooled", "driftVariance"], -1), "pooled.driftVariance")
c("drift_variance_nan", setf(["families", 1, "driftVariance"], "nan"), "families[1].driftVariance")
c("drift_variance_inf", setf(["families", 1, "driftVariance"], "inf"), "families[1].driftVariance")
c("drift_exponent_11", setf(["families", 0, "driftExponent"], 11), "families[0].driftExponent: γ must be from 0 to 10")
c("nu_zero", setf(["families", 0, "degreesOfFreedom"], 0), "families[0].degreesOfFreedom: ν must be > 0")
c("nu_negative", setf(["pooled", "degreesOfFreedom"], -3), "pooled.degreesOfFreedom")
c("nu_nan", setf(["pooled", "degreesOfFreedom"], "nan"), "pooled.degreesOfFreedom")
c("kappa_2", setf(["families", 0, "slopeAttenuation"], 2), "families[0].slopeAttenuation: κ must be from 0 to 1")
c("kappa_negative", setf(["families", 1, "slopeAttenuation"], -0.1), "families[1].slopeAttenuation")
c("factor_zero", setf(["families", 0, "factors"], [1.0, 0.0]), "families[0].factors[1]")
c("factor_huge", setf(["families", 0, "factors"], [1e300]), "families[0].factors[0]")
c("coverage_above_one", setf(["families", 0, "coverage80"], [1.5]), "families[0].coverage80[0]")
c("duplicate_family", lambda d: d["families"].append(fam("mortality")), "families[2].group: family mortality appears twice")
c("unknown_family", setf(["families", 1, "group"], "astrology"), "families[1].group: unknown family \"astrology\"")
c("family_nul", setf(["families", 1, "group"], "mor\u0000tality"), "families[1].group: unknown family \"mor\\0tality\"")
c("version_1", setf(["version"], 1), "version: format version 1")
c("series_negative", setf(["pooled", "series"], -1), "pooled.series")
c("missing_pooled", delf(["pooled"]), "pooled: missing")
c("missing_drift", delf(["families", 0, "driftVariance"]), "families[0].driftVariance: missing")
c("drift_string", setf(["families", 0, "driftVariance"], "big"), "families[0].driftVariance: expected a number, got \"big\"")
c("factors_not_list", setf(["families", 0, "factors"], 3), "families[0].factors: expected a list, got 3")
c("families_object", setf(["families"], {"a": 1}), "families: expected a list")
c("truncated", lambda d: json.dumps(d)[:120], "not valid JSON")
c("empty", lambda d: "", "not valid JSON")
c("not_json", lambda d: "name: calibration\n", "not valid JSON")
c("deep_nesting", lambda d: "[" * 100000 + "]" * 100000, "")
c("huge_number_literal", lambda d: json.dumps(d).replace('"errors": 100', '"errors": ' + "9" * 400, 1), "")
# Borrowing constants (borrowing.json, BorrowingCalibration): mutations of a small valid file, read with the same
# key-path messages as calibration.json. Named borrowing_*.json; the test loads them as borrowing files.
bdisp = lambda g: {"group": g, "levelVariance": 0.01, "variancePerYear": 0.001, "degreesOfFreedom": 5,
                   "series": 10, "errors": 100, "coverage80": 0.8, "coverage95": 0.95}
valid = {"version": 1, "method": "test", "shift": [bdisp("mortality"), bdisp("fertility")],
         "levelHeld": [bdisp("mortality")], "provenance": None}
c("borrowing_level_variance_negative", setf(["shift", 1, "levelVariance"], -0.5),
  "shift[1].levelVariance: the variance a must be finite and ≥ 0, got -0.5")
c("borrowing_nu_string", setf(["levelHeld", 0, "degreesOfFreedom"], "many"),
  "levelHeld[0].degreesOfFreedom: expected a number, got \"many\"")
c("borrowing_missing_shift", delf(["shift"]), "shift: missing")
with open(os.path.join(cal_dir, "EXPECT.tsv"), "w") as f:
    f.write("# file\tfragment of the message (empty: any message)\n")
    for name, text, expect in cal_cases:
        data = text.encode() if isinstance(text, str) else text
        with open(os.path.join(cal_dir, name + ".json"), "wb") as g: g.write(data)
        f.write(f"{name}.json\t{expect}\n")
print(len(csv_cases), "csv,", len(cal_cases), "calibration")
