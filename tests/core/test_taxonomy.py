"""Reference data: value chain, policies, qualifications, products."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from db import migrations
from desktop.core import i18n
from desktop.core.taxonomy import (
    FIRM_TYPES,
    SEGMENT_CODES,
    TaxonomyError,
    load_taxonomy,
    policy_name,
    product_name,
    read_taxonomy,
    reference_dir,
    route_name,
    segment_name,
)


def _schema_enum(sql_list: str) -> tuple[str, ...]:
    return tuple(re.findall(r"'([a-z_]+)'", sql_list))


def test_codes_match_the_database_schema() -> None:
    assert _schema_enum(migrations.SEGMENTS) == SEGMENT_CODES
    assert _schema_enum(migrations.FIRM_TYPES) == FIRM_TYPES
    taxonomy = load_taxonomy()
    assert tuple(s.code for s in taxonomy.segments) == SEGMENT_CODES


def test_loads_once_and_caches() -> None:
    assert load_taxonomy() is load_taxonomy()
    assert load_taxonomy(reference_dir()) is load_taxonomy()


def test_all_codes_unique() -> None:
    taxonomy = load_taxonomy()
    for items in (
        taxonomy.segments,
        taxonomy.routes,
        taxonomy.policies,
        taxonomy.qualifications,
        taxonomy.guarantee_schemes,
        taxonomy.products,
        taxonomy.lost_reasons,
    ):
        codes = [item.code for item in items]
        assert len(codes) == len(set(codes)) > 0
        for item in items:
            assert item.name_zh.strip() and item.name_en.strip()
            assert re.fullmatch(r"[a-z0-9_]+", item.code), item.code


def test_value_chain_routes_from_the_design() -> None:
    taxonomy = load_taxonomy()
    expected = {
        "production": {"alk", "pem", "soec", "aem", "by_product", "coal", "coal_ccus",
                       "natural_gas", "natural_gas_ccus"},
        "storage": {"gas_35mpa", "gas_70mpa", "liquid", "solid_state", "lohc"},
        "transport": {"tube_trailer", "pipeline", "blending"},
        "refuelling": {"station_35mpa", "station_70mpa"},
        "fuel_cell": {"pemfc", "sofc"},
        "application": {"vehicles", "ships", "steel", "ammonia_methanol", "power_storage"},
    }  # fmt: skip
    for segment, routes in expected.items():
        codes = {route.code for route in taxonomy.routes_for(segment)}
        assert routes <= codes, segment
        for route in taxonomy.routes_for(segment):
            assert route.segment == segment
            assert taxonomy.route(route.code) is route
    assert [s.short_zh for s in taxonomy.segments][:4] == ["制", "储", "运", "加"]


def test_names_by_language() -> None:
    assert segment_name("production", "zh_CN") == "制氢"
    assert segment_name("production", "en") == "Production"
    assert route_name("soec", "en") == "Solid oxide electrolysis (SOEC)"
    assert "SOEC" in route_name("soec", "zh_CN")
    assert product_name("tech_innovation_loan", "zh_CN") == "科创贷"
    assert policy_name("mlp_2021_2035", "zh_CN") == "氢能产业发展中长期规划（2021—2035年）"
    # Unknown codes are shown as they are rather than crashing a list view.
    assert segment_name("nonsense", "en") == "nonsense"


def test_default_language_follows_the_ui() -> None:
    before = i18n.language()
    try:
        i18n.set_language("en")
        assert segment_name("fuel_cell") == "Fuel cells"
        i18n.set_language("zh_CN")
        assert segment_name("fuel_cell") == "燃料电池"
    finally:
        i18n.set_language(before)


def test_unknown_code_lookup_raises_key_error() -> None:
    taxonomy = load_taxonomy()
    with pytest.raises(KeyError, match="route"):
        taxonomy.route("warp_drive")
    assert not taxonomy.has("route", "warp_drive")
    assert taxonomy.has("qualification", "high_tech")


def test_seed_article_facts() -> None:
    taxonomy = load_taxonomy()
    pilot = taxonomy.policy("nea_pilot_2025")
    assert "41" in pilot.summary_zh and "9" in pilot.summary_zh
    assert pilot.nationwide
    jiangsu = taxonomy.policy("jiangsu_action_2025_2030")
    assert "1000亿元" in jiangsu.summary_zh and "100座" in jiangsu.summary_zh
    xiamen = taxonomy.policy("xiamen_action_2025_2027")
    assert "3座" in xiamen.summary_zh and "30家" in xiamen.summary_zh
    assert xiamen.provinces == ("福建省",) and xiamen.cities == ("厦门市",)
    assert "融资租赁" in taxonomy.policy("qinghai_measures").summary_zh
    assert "信易贷" in taxonomy.policy("guangzhou_measures").summary_zh
    assert "内蒙古" in taxonomy.policy("inner_mongolia_equipment").name_zh
    for code in ("fujian_local_plan", "sichuan_local_plan", "guangdong_local_plan"):
        assert not taxonomy.policy(code).title_known
    names = {q.name_zh for q in taxonomy.qualifications}
    assert {"高新技术企业", "科技型中小企业", "专精特新中小企业", "专精特新“小巨人”企业"} <= names
    scheme = taxonomy.guarantee_scheme("mof_tech_guarantee_2024")
    assert scheme.max_amount_yuan == 30_000_000 and scheme.max_fee_bp == 100


def test_policies_for_a_place() -> None:
    taxonomy = load_taxonomy()
    xiamen = {p.code for p in taxonomy.policies_for("福建省", "厦门市", "production")}
    assert {"xiamen_action_2025_2027", "fujian_local_plan", "nea_pilot_2025"} <= xiamen
    assert "jiangsu_action_2025_2030" not in xiamen
    fuzhou = {p.code for p in taxonomy.policies_for("福建省", "福州市", "production")}
    assert "xiamen_action_2025_2027" not in fuzhou
    # Inner Mongolia's plan targets equipment for production, storage and transport.
    assert "inner_mongolia_equipment" in {
        p.code for p in taxonomy.policies_for("内蒙古自治区", "包头市", "storage")
    }
    assert "inner_mongolia_equipment" not in {
        p.code for p in taxonomy.policies_for("内蒙古自治区", "包头市", "fuel_cell")
    }


def test_products_have_sane_ranges() -> None:
    for product in load_taxonomy().products:
        assert 0 < product.min_amount_yuan <= product.max_amount_yuan <= 300_000_000
        assert product.tenor_months
        assert set(product.firm_types) <= set(FIRM_TYPES)


# --------------------------------------------------------------------------- malformed files


@pytest.fixture
def ref_copy(tmp_path: Path) -> Path:
    target = tmp_path / "reference"
    shutil.copytree(reference_dir(), target)
    return target


def test_copy_reads_like_the_original(ref_copy: Path) -> None:
    assert read_taxonomy(ref_copy).routes == load_taxonomy().routes


def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("taxonomy.toml", 'code = "storage"', 'code = "storage', "not valid TOML"),
        ("taxonomy.toml", 'code = "storage"', 'code = "warehouse"', "unknown segment code"),
        ("taxonomy.toml", '{ code = "pem"', '{ code = "alk"', "duplicate route code 'alk'"),
        ("taxonomy.toml", 'name_en = "Storage"', 'name_en = ""', "'name_en'"),
        ("taxonomy.toml", 'firm_types = ["tech", "manufacturer"]',
         'firm_types = ["bank"]', "unknown value 'bank'"),
        ("policies.toml", 'level = "national"', 'level = "galactic"', "'level'"),
        ("policies.toml", 'code = "tech_sme"', 'code = "high_tech"', "duplicate qualification"),
        ("policies.toml", 'segments = ["production", "application"]', 'segments = ["moon"]',
         "unknown value 'moon'"),
        ("products.toml", "min_amount_yuan = 5_000_000", "min_amount_yuan = -1",
         "non-negative integer"),
        ("products.toml", "tenor_months = [12, 24, 36]", "tenor_months = [0]", "tenor_months"),
    ],
)  # fmt: skip
def test_malformed_file_is_named(
    ref_copy: Path, file: str, old: str, new: str, message: str
) -> None:
    _break(ref_copy / file, old, new)
    with pytest.raises(TaxonomyError) as info:
        read_taxonomy(ref_copy)
    assert info.value.path == ref_copy / file
    assert file in str(info.value)
    assert message in str(info.value)


def test_missing_file_is_named(ref_copy: Path) -> None:
    (ref_copy / "policies.toml").unlink()
    with pytest.raises(TaxonomyError, match=r"policies\.toml.*file not found"):
        read_taxonomy(ref_copy)


def test_missing_segment_is_reported(ref_copy: Path) -> None:
    path = ref_copy / "taxonomy.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('[[segments]]\ncode = "transport"')
    end = text.index('[[segments]]\ncode = "refuelling"')
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"segments missing.*transport"):
        read_taxonomy(ref_copy)


def test_taxonomy_error_is_a_value_error(ref_copy: Path) -> None:
    (ref_copy / "products.toml").write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(ValueError, match=r"products\.toml"):
        read_taxonomy(ref_copy)
