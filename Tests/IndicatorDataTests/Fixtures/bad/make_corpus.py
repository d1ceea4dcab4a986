#!/usr/bin/env python3
"""Writes the bad-input corpus (byte-exact) used by BadInputCorpusTests.swift.

Not run in CI: the files are committed. Re-run after editing: python3 make_corpus.py
Values are synthetic but shaped like Datasets/ rows (u5mr VN 2020 = 21.0 as in shared/data).
Each file exercises one way a CSV can be wrong; the Swift test table lists the expected message,
line, column and exit code per file.
"""
import os

H = b"indicator_code,region,year,value,unit,source\n"
ROW = b"u5mr,VN,2019,21.6,per 1000,WDI\n"
files = {
    # quoting
    "truncated_quote.csv": H + ROW + b'u5mr,VN,2020,21.0,per 1000,"WDI\n',
    "stray_quote.csv": H + b'u5mr,VN,2020,21"0,per 1000,WDI\n',
    "text_after_quote.csv": H + b'u5mr,VN,2020,21.0,per 1000,"WDI"x\n',
    # structure
    "empty.csv": b"",
    "bom_only.csv": b"\xef\xbb\xbf",
    "header_only.csv": H,
    "missing_column.csv": b"indicator_code,region,year,unit\nu5mr,VN,2020,per 1000\n",
    "wrong_delimiter.csv": b"indicator_code;region;year;value\nu5mr;VN;2020;21,0\n",
    "tab_separated.csv": b"indicator_code\tregion\tyear\tvalue\nu5mr\tVN\t2020\t21.0\n",
    "ragged_long.csv": H + ROW + b"u5mr,VN,2020,21.0,per 1000,WDI,extra\n",
    "ragged_short.csv": H + ROW + b"u5mr,VN,2020,21.0\n",
    "duplicate_header.csv": b"indicator_code,region,year,value,Value\nu5mr,VN,2020,21.0,21.0\n",
    "empty_indicator.csv": H + b",VN,2020,21.0,per 1000,WDI\n",
    "empty_region.csv": H + b"u5mr, ,2020,21.0,per 1000,WDI\n",
    # encoding
    "invalid_utf8.csv": H + b"u5mr,VN\xff,2020,21.0,per 1000,WDI\n",
    "overlong_utf8.csv": H + ROW + b"u5mr,VN,2020,21.0,per 1000,WD\xc0\xafI\n",
    "latin1_text.csv": H + b"u5mr,VN,2020,21.0,per 1000,Kon Tum ph\xe9\n",
    "bom_crlf_valid.csv": b"\xef\xbb\xbf" + H.replace(b"\n", b"\r\n") + ROW.replace(b"\n", b"\r\n")
        + b'u5mr,VN,2020,21.0,per 1000,"WDI, 2025\r\nrelease"\r\n',
    # numbers
    "text_in_value.csv": H + b"u5mr,VN,2020,1O.5,per 1000,WDI\n",
    "decimal_comma_under_point.csv": b"indicator_code;region;year;value\nu5mr;VN;2020;21,5\n",
    "grouping_under_comma.csv": b"indicator_code;region;year;value\npopulation_avg;VN-28;2022;10.609\n",
    "decimal_point_under_comma.csv": b"indicator_code;region;year;value\nu5mr;VN;2020;21.5\n",
    "grouping_comma_under_point.csv": H + b'population_avg,VN-28,2022,"1,234",persons,GSO\n',
    "huge_number.csv": H + b"u5mr,VN,2020,1e400,per 1000,WDI\n",
    "nan_text.csv": H + b"u5mr,VN,2020,NaN,per 1000,WDI\n",
    "inf_text.csv": H + b"u5mr,VN,2020,-inf,per 1000,WDI\n",
    "dash_for_missing.csv": H + b"u5mr,VN,2020,-,per 1000,WDI\n",
    "leading_dot.csv": H + b"u5mr,VN,2020,.5,per 1000,WDI\n",
    "trailing_text.csv": H + b"u5mr,VN,2020,21.0abc,per 1000,WDI\n",
    "unicode_minus.csv": H + b"u5mr,VN,2020,\xe2\x88\x925,per 1000,WDI\n",
    "exponent_under_comma.csv": b"indicator_code;region;year;value\nu5mr;VN;2020;2e1\n",
    "percent_sign.csv": H + b"dtp3_pct,VN,2020,95%,%,WUENIC\n",
    # years
    "year_fraction.csv": H + b"u5mr,VN,2023.5,21.0,per 1000,WDI\n",
    "year_1850.csv": H + b"u5mr,VN,1850,21.0,per 1000,WDI\n",
    "year_five_digits.csv": H + b"u5mr,VN,20233,21.0,per 1000,WDI\n",
    "year_text.csv": H + b"u5mr,VN,FY2023,21.0,per 1000,WDI\n",
    "year_empty.csv": H + b"u5mr,VN,,21.0,per 1000,WDI\n",
    # keys and bounds
    "duplicate_key.csv": H + b"u5mr,VN,2020,21.0,per 1000,WDI\nu5mr,VN,2019,21.6,per 1000,WDI\nu5mr,VN,2020,21.1,per 1000,MoH\n",
    "duplicate_equal_priority.csv": H + b"u5mr,VN,2020,21.0,per 1000,WDI\nu5mr,VN,2020,22.3,per 1000,GSO\n",
    "negative_count.csv": H + b"hiv_new_infections,VN,2020,-5,persons,UNAIDS\n",
    "percent_120.csv": H + b"dtp3_pct,VN,2020,120,%,WUENIC\n",
    # targets and catalogue readers
    "targets_bad_comparator.csv": b"indicator_code,region,year,value,unit,source,comparator\nimr,VN,2025,12.5,per 1000,MoH,\xe2\x89\xa4\n",
    "targets_missing_value.csv": b"indicator_code,region,year,value,comparator,kind,text_vi,note,plan_row,unit,source\nimr,VN-28,2025,,<,strict,<25,,19,per 1000,plan\n",
    "targets_strict_with_le.csv": b"indicator_code,region,year,value,comparator,kind,text_vi,note,plan_row,unit,source\nimr,VN-28,2025,25,<=,strict,<25,,19,per 1000,plan\n",
    "catalogue_bad_direction.csv": b"code,direction,scale,lower_bound,upper_bound\nimr,up,log,0,\n",
    "catalogue_logit_without_bounds.csv": b"code,direction,scale,lower_bound,upper_bound\ndtp3_pct,higher,logit,0,\n",
}

here = os.path.dirname(os.path.abspath(__file__))
for name, data in files.items():
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)
print(len(files), "files")
