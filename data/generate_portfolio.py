#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Generate property_cs portfolios (standard library only).

Demo data (default): rewrite ``addons/property_cs/demo/property_portfolio_demo.xml``
deterministically (fixed seed), so the same script always gives the same file::

    python3 data/generate_portfolio.py            # write the demo XML
    python3 data/generate_portfolio.py --check    # fail if the XML is outdated

Benchmark data: a large synthetic portfolio as CSV files in the format of the
import templates of ``data/import/`` (same headers, same external-ID scheme),
ready for Odoo's standard import in the order project, building, unit,
partner, unit link, parking space::

    python3 data/generate_portfolio.py --projects 20 --units-per-project 500 \\
        --out /tmp/portfolio_bench

All people, phone numbers, identity numbers and plates are fictitious.
"""

import argparse
import csv
import datetime
import math
import os
import random
import sys
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO_XML = os.path.join(
    ROOT, "addons", "property_cs", "demo", "property_portfolio_demo.xml"
)
DEMO_SEED = 20260518
BENCH_SEED = 42
KEY_AREA_SHARE = 5.0  # default of res.company.property_key_area_share


# ---------------------------------------------------------------------------
# CSV format: identical to the import templates in data/import/
# ---------------------------------------------------------------------------
def _words(text):
    return text.split()


CSV_FILES = [
    (
        "property.project.csv",
        _words(
            "id name code project_type street city zip state_id/id country_id/id tz "
            "hotline complaint_phone opening_hours"
        ),
    ),
    (
        "property.building.csv",
        _words("id name project_id/id sequence floor_count"),
    ),
    (
        "property.unit.csv",
        _words("id name building_id/id floor area use_type date_handover"),
    ),
    (
        "res.partner.csv",
        _words(
            "id name is_company mobile phone email date_birth emergency_contact_name "
            "emergency_contact_phone emergency_contact_relation preferred_channel "
            "id_document_type id_number_input"
        ),
    ),
    (
        "property.unit.partner.csv",
        _words(
            "id unit_id/id partner_id/id role share date_start date_end date_move_in "
            "date_move_out note"
        ),
    ),
    (
        "property.parking.space.csv",
        _words(
            "id name project_id/id space_type location partner_id/id holding unit_id/id"
        ),
    ),
]


# ---------------------------------------------------------------------------
# Data for fictitious people, as "characters:pinyin" pairs
# ---------------------------------------------------------------------------
def _pairs(text):
    return [tuple(item.split(":")) for item in text.split()]


SURNAMES = _pairs(
    "王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu "
    "周:zhou 徐:xu 孙:sun 马:ma 朱:zhu 胡:hu 郭:guo 何:he 高:gao 林:lin "
    "罗:luo 郑:zheng 梁:liang 谢:xie 宋:song 唐:tang 许:xu 韩:han 冯:feng "
    "邓:deng 曹:cao 彭:peng 曾:zeng 肖:xiao 田:tian 董:dong 潘:pan 蒋:jiang "
    "蔡:cai 余:yu 杜:du 叶:ye 程:cheng 苏:su 魏:wei 吕:lv 丁:ding 沈:shen "
    "姚:yao 钟:zhong 陆:lu 汪:wang 金:jin 方:fang 俞:yu 邵:shao 楼:lou "
    "应:ying 裘:qiu 童:tong 严:yan"
)
GIVEN_NAMES = {
    # born before 1960
    "old": _pairs(
        "建国:jianguo 桂英:guiying 淑珍:shuzhen 秀兰:xiulan 德明:deming "
        "玉梅:yumei 国华:guohua 春生:chunsheng 凤英:fengying 志强:zhiqiang "
        "美娟:meijuan 永福:yongfu 金花:jinhua 宝林:baolin 素芬:sufen "
        "根发:genfa 阿芳:afang 惠英:huiying"
    ),
    # born 1960-1989
    "mid": _pairs(
        "伟:wei 芳:fang 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang "
        "勇:yong 艳:yan 杰:jie 涛:tao 明:ming 超:chao 海燕:haiyan "
        "晓东:xiaodong 丽娟:lijuan 建华:jianhua 红梅:hongmei 志远:zhiyuan "
        "文斌:wenbin 晓峰:xiaofeng 雪梅:xuemei 立新:lixin 海涛:haitao "
        "慧敏:huimin 国栋:guodong 亚楠:yanan 永刚:yonggang 晓燕:xiaoyan "
        "卫东:weidong 丽华:lihua 建平:jianping 春燕:chunyan 振宇:zhenyu "
        "佳慧:jiahui 俊峰:junfeng 琳:lin 斌:bin"
    ),
    # born 1990 or later
    "young": _pairs(
        "子涵:zihan 梓轩:zixuan 欣怡:xinyi 浩然:haoran 雨桐:yutong "
        "宇轩:yuxuan 诗涵:shihan 一诺:yinuo 俊杰:junjie 思远:siyuan "
        "佳琪:jiaqi 子墨:zimo 若曦:ruoxi 博文:bowen 可馨:kexin 天佑:tianyou "
        "梦瑶:mengyao 嘉豪:jiahao 晨阳:chenyang 雅琪:yaqi 晓雯:xiaowen "
        "逸飞:yifei 思彤:sitong 昊天:haotian"
    ),
}
GENERATION_YEARS = {"old": (1936, 1959), "mid": (1960, 1989), "young": (1990, 2020)}
MOBILE_PREFIXES = _words(
    "130 131 132 133 135 136 137 138 139 150 151 152 153 155 157 158 159 176 "
    "177 180 181 182 183 186 187 188 189 199"
)
EMERGENCY_RELATIONS = _words("配偶 儿子 女儿 父亲 母亲 兄弟 姐妹 朋友")
ID_REGIONS = _words(
    "330102 330105 330106 330108 330110 330203 330302 330602 310104 320102 "
    "340104 360102 420106 510107"
)
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
CAR_MODELS = _words(
    "大众帕萨特 丰田凯美瑞 本田雅阁 别克GL8 吉利星越L 比亚迪汉 比亚迪宋PLUS "
    "特斯拉Model3 理想L7 蔚来ES6 宝马3系 奥迪A4L 奔驰C级 日产轩逸 长安CS75 "
    "小鹏P7 问界M7 极氪001"
)
EV_MODELS = set(_words("比亚迪汉 比亚迪宋PLUS 特斯拉Model3 蔚来ES6 小鹏P7 极氪001"))
COLOURS = _words("白色 黑色 银色 灰色 蓝色 红色 香槟色")
BENCH_CITIES = [
    # city, district and street, zip, state, area code, plate prefix
    ("杭州市", "拱墅区莫干山路", "310011", "base.state_cn_ZJ", "0571", "浙A"),
    ("宁波市", "鄞州区天童南路", "315100", "base.state_cn_ZJ", "0574", "浙B"),
    ("上海市", "闵行区莘庄路", "201100", "base.state_cn_SH", "021", "沪A"),
    ("苏州市", "工业园区星湖街", "215000", "base.state_cn_JS", "0512", "苏E"),
    ("南京市", "建邺区江东中路", "210019", "base.state_cn_JS", "025", "苏A"),
    ("成都市", "高新区天府大道", "610041", "base.state_cn_SC", "028", "川A"),
    ("武汉市", "洪山区珞喻路", "430070", "base.state_cn_HB", "027", "鄂A"),
]
BENCH_NAME_PREFIXES = _words("紫荆 翠苑 锦绣 金色 春江 碧水 香樟 枫林")
BENCH_NAME_SUFFIXES = _words("花园 家园 雅苑 名邸 华庭 新村 公馆 府")


class Ref(str):
    """A reference to another record of the XML file (``ref`` attribute)."""


class Eval(str):
    """A Python expression evaluated when the XML is loaded (``eval``)."""


def days_from_today(days):
    """A date relative to the day the demo data is loaded."""
    return Eval(f"(DateTime.today() + relativedelta(days={days})).strftime('%Y-%m-%d')")


def id_checksum(body):
    """Check character of a 17-digit resident identity number (GB 11643)."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(
        int(digit) * weight for digit, weight in zip(body, weights, strict=True)
    )
    return "10X98765432"[total % 11]


def random_date(rng, start, end):
    """A date between ``start`` and ``end`` (both included)."""
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


class People:
    """Fictitious people: unique names, mobiles, identity numbers, plates."""

    def __init__(self, rng, plate_prefix="浙A", unique_names=True):
        self.rng = rng
        self.plate_prefix = plate_prefix
        self.unique_names = unique_names
        self.names = set()
        self.mobiles = set()
        self.plates = set()

    def name(self, generation, surname=None):
        """A name and its pinyin; unique while the name space allows."""
        rng = self.rng
        for attempt in range(200):
            family = surname or rng.choice(SURNAMES)
            given = rng.choice(GIVEN_NAMES[generation])
            full = family[0] + given[0]
            if not self.unique_names or full not in self.names or attempt == 199:
                self.names.add(full)
                return full, given[1] + "." + family[1]

    def birth(self, generation, years=None):
        first, last = years or GENERATION_YEARS[generation]
        return random_date(
            self.rng, datetime.date(first, 1, 1), datetime.date(last, 12, 31)
        )

    def mobile(self):
        while True:
            number = self.rng.choice(MOBILE_PREFIXES) + "".join(
                self.rng.choice("0123456789") for _ in range(8)
            )
            if number not in self.mobiles:
                self.mobiles.add(number)
                return number

    def id_number(self, birth, region=None):
        region = region or self.rng.choice(ID_REGIONS)
        body = f"{region}{birth:%Y%m%d}{self.rng.randint(1, 999):03d}"
        return body + id_checksum(body)

    def plate(self, electric=False):
        rng = self.rng
        while True:
            if electric:
                tail = rng.choice("DF") + "".join(
                    rng.choice("0123456789") for _ in range(5)
                )
            else:
                chars = [rng.choice("0123456789") for _ in range(5)]
                for position in rng.sample(range(5), rng.choice([0, 1, 1, 2])):
                    chars[position] = rng.choice(PLATE_LETTERS)
                tail = "".join(chars)
            plate = f"{self.plate_prefix}·{tail}"
            if plate not in self.plates:
                self.plates.add(plate)
                return plate


# ---------------------------------------------------------------------------
# Demo XML
# ---------------------------------------------------------------------------
class DemoPortfolio:
    """Builds the demo records in load order: projects, buildings, units,
    partners, unit links, parking spaces, vehicles, consents."""

    def __init__(self, seed=DEMO_SEED):
        self.rng = random.Random(seed)
        self.people = People(self.rng)
        self.projects = []
        self.buildings = []
        self.units = []
        self.partners = []
        self.links = []
        self.spaces = []
        self.vehicles = []
        self.consents = []
        self.partner_by_id = {}
        self.partner_seq = 0
        self.link_seq = 0

    # -- helpers -----------------------------------------------------------
    def add_partner(self, xmlid=None, **vals):
        if not xmlid:
            self.partner_seq += 1
            xmlid = f"demo_partner_{self.partner_seq:04d}"
        # the owners of a mainland community read Chinese: the mails the demo
        # sends them (acknowledgements...) are rendered in their language
        vals = {"id": xmlid, "lang": "zh_CN", **vals}
        self.partners.append(vals)
        self.partner_by_id[xmlid] = vals
        return vals

    def add_link(self, unit, partner, role, **vals):
        self.link_seq += 1
        link = {
            "id": f"demo_unit_partner_{self.link_seq:04d}",
            "unit": unit,
            "partner": partner,
            "role": role,
            **vals,
        }
        self.links.append(link)
        return link

    def person(
        self, generation, xmlid=None, project=None, unit=None, adult=False, **extra
    ):
        """A natural person with a name, birthday and mobile; an address when
        they live in ``unit``. ``adult`` keeps the young generation of age."""
        name, pinyin = self.people.name(generation, extra.pop("surname", None))
        birth = extra.pop("date_birth", None) or self.people.birth(
            generation, (1990, 2000) if adult and generation == "young" else None
        )
        vals = {
            "name": name,
            "date_birth": birth,
            "tz": "Asia/Shanghai",
            "_pinyin": pinyin,
        }
        if generation != "young" or birth.year < 2006:
            vals["mobile"] = self.people.mobile()
        if project and unit:
            vals.update(self.address(project, unit))
        vals.update(extra)
        return self.add_partner(xmlid, **vals)

    def address(self, project, unit):
        return {
            "street": project["street"],
            "street2": f"{project['name']}{unit['building']['name']}{unit['name']}室",
            "city": project["city"],
            "zip": project["zip"],
            "state_id": Ref("base.state_cn_ZJ"),
            "country_id": Ref("base.cn"),
        }

    def owner_profile(self, partner, email_share=0.4):
        """Contact preferences and emergency contact of an owner."""
        rng = self.rng
        birth = partner["date_birth"]
        if rng.random() < email_share and birth.year >= 1955:
            partner["email"] = f"{partner['_pinyin']}{birth.year % 100:02d}@example.com"
        if rng.random() < 0.85:
            contact, _pinyin = self.people.name(rng.choice(["mid", "young"]))
            partner["emergency_contact_name"] = contact
            partner["emergency_contact_phone"] = self.people.mobile()
            partner["emergency_contact_relation"] = rng.choice(EMERGENCY_RELATIONS)
        channels = ["phone", "phone", "messaging", "messaging", "sms", "portal"]
        if partner.get("email"):
            channels += ["email", "portal"]
        if birth.year < 1960:
            channels = ["phone", "phone", "visit", "sms"]
        partner["preferred_channel"] = rng.choice(channels)
        if rng.random() < 0.3:
            partner["personality_type"] = rng.choice(
                ["friendly", "friendly", "dominant", "analytical", "self_centred"]
            )
        if rng.random() < 0.25:
            partner["owner_group"] = rng.choice(
                [
                    "business",
                    "manager",
                    "civil_servant",
                    "expert",
                    "real_estate",
                    "media",
                    "returnee",
                    "relocated",
                ]
            )
        return partner

    def identity(self, partner, region=None):
        partner["id_document_type"] = "resident_id"
        partner["id_number"] = self.people.id_number(partner["date_birth"], region)

    def household(self, project, unit, owner, move_in, spouse=True, children=None):
        """Spouse and children living with an owner or a tenant."""
        rng = self.rng
        members = []
        birth = owner["date_birth"]
        if spouse:
            generation = "old" if birth.year < 1960 else "mid"
            if birth.year >= 1990:
                generation = "young"
            years = (max(birth.year - 4, 1936), min(birth.year + 4, 2000))
            mate = self.person(generation, project=project, unit=unit)
            mate["date_birth"] = self.people.birth(generation, years)
            members.append((mate, "配偶"))
        if children is None:
            children = rng.choice([0, 1, 1, 2]) if birth.year >= 1960 else 0
        for _index in range(children):
            first = min(birth.year + 24, 2022)
            years = (first, min(first + 14, 2023))
            child = self.person(
                "young",
                project=project,
                unit=unit,
                surname=self.surname_of(owner),
                date_birth=self.people.birth("young", years),
            )
            members.append((child, "子女"))
        for member, relation in members:
            self.add_link(
                unit,
                member,
                "household",
                date_start=move_in,
                date_move_in=move_in,
                note=relation,
            )
        return members

    @staticmethod
    def surname_of(partner):
        for surname in SURNAMES:
            if partner["name"].startswith(surname[0]):
                return surname
        return None

    # -- projects ------------------------------------------------------------
    def build(self):
        ghy = self.build_guihuayuan()
        czy = self.build_cuizhuyuan()
        self.check_key_area_shares(ghy, czy)
        return self

    def add_project(self, **vals):
        self.projects.append(vals)
        return vals

    def add_units(self, project, layout):
        """``layout``: (building number, floors, units per floor, shops on the
        ground floor, handover window, area function)."""
        rng = self.rng
        for number, floors, per_floor, shops, window, area_of in layout:
            building = {
                "id": f"demo_building_{project['code'].lower()}_{number}",
                "name": f"{number}幢",
                "project": project,
                "sequence": number * 10,
                "floor_count": floors,
            }
            self.buildings.append(building)
            for floor in range(1, floors + 1):
                for position in range(1, per_floor + 1):
                    name = f"{floor}{position:02d}"
                    shop = shops and floor == 1
                    unit = {
                        "id": (f"demo_unit_{project['code'].lower()}_{number}_{name}"),
                        "name": name,
                        "building": building,
                        "project": project,
                        "floor": floor,
                        "area": round(
                            rng.uniform(85, 160)
                            if shop
                            else area_of(position, per_floor),
                            2,
                        ),
                        "use_type": "commercial" if shop else "residential",
                        "date_handover": random_date(rng, *window),
                    }
                    self.units.append(unit)

    def build_guihuayuan(self):
        rng = self.rng
        project = self.add_project(
            id="demo_project_ghy",
            name="绿城·桂花苑",
            code="GHY",
            project_type="residential",
            street="西湖区桂花路88号",
            city="杭州市",
            zip="310012",
            tz="Asia/Shanghai",
            hotline="0571-8517 6600",
            complaint_phone="0571-8517 6611",
            opening_hours="08:00-20:00",
        )
        d = datetime.date
        window_a = (d(2019, 6, 15), d(2019, 12, 31))
        window_b = (d(2021, 3, 1), d(2021, 9, 30))

        def area_ab(position, per_floor):
            if position in (1, per_floor):
                return rng.uniform(115, 145)
            return rng.uniform(60, 100)

        def area_c(position, per_floor):
            return rng.uniform(140, 180)

        self.add_units(
            project,
            [
                (1, 6, 4, True, window_a, area_ab),
                (2, 6, 4, True, window_a, area_ab),
                (3, 7, 4, False, window_a, area_ab),
                (4, 7, 4, False, window_a, area_ab),
                (5, 11, 2, False, window_b, area_c),
            ],
        )
        units = [unit for unit in self.units if unit["project"] is project]
        shops = [unit for unit in units if unit["use_type"] == "commercial"]
        homes = [unit for unit in units if unit["use_type"] == "residential"]
        for shop in shops:
            shop["date_handover"] = d(2019, 5, 20)

        # unsold and not handed over
        undelivered = rng.sample(homes, 8)
        for unit in undelivered:
            unit["date_handover"] = False
        delivered = [unit for unit in homes if unit not in undelivered]
        # the investor holds five of the largest flats of building 5
        investor_units = sorted(
            (unit for unit in delivered if unit["building"]["name"] == "5幢"),
            key=lambda unit: (-unit["area"], unit["id"]),
        )[:5]
        rest = [unit for unit in delivered if unit not in investor_units]
        rng.shuffle(rest)
        rented, vacant, co_owned, single = (
            rest[:14],
            rest[14:24],
            rest[24:40],
            rest[40:],
        )
        single.sort(key=lambda unit: unit["id"])

        self.build_company(project, shops)
        self.build_investor(project, investor_units)
        owners = self.build_single_owners(project, single)
        self.build_co_owners(project, co_owned)
        self.build_rented(project, rented, owners)
        self.build_vacant(project, vacant, owners)
        self.build_parking_ghy(project)
        return project

    def owner_link(self, unit, partner, share=100.0, move_in=None, **vals):
        start = unit["date_handover"] - datetime.timedelta(
            days=self.rng.randint(30, 200)
        )
        return self.add_link(
            unit,
            partner,
            vals.pop("role", "owner"),
            share=share,
            date_start=vals.pop("date_start", start),
            date_move_in=move_in,
            **vals,
        )

    def move_in_date(self, unit):
        """Owners move in after two to ten months of renovation."""
        return unit["date_handover"] + datetime.timedelta(
            days=self.rng.randint(60, 300)
        )

    def build_company(self, project, shops):
        """An organisation owning the ground-floor shops (key customer by
        organisation and by floor-area share), with a contact person."""
        d = datetime.date
        company = self.add_partner(
            "demo_partner_company",
            name="杭州桂香商贸有限公司",
            is_company=True,
            phone="0571-8690 2318",
            email="service@guixiang-trading.example.com",
            street=project["street"],
            street2="绿城·桂花苑1幢101商铺",
            city=project["city"],
            zip=project["zip"],
            state_id=Ref("base.state_cn_ZJ"),
            country_id=Ref("base.cn"),
            tz="Asia/Shanghai",
            preferred_channel="phone",
            id_document_type="business_licence",
            id_number="91330106MA2H7K3Q5X",
            comment="持有小区底商 8 间；1幢101、102 自营桂香便利店，其余对外出租。",
        )
        self.add_partner(
            "demo_partner_company_contact",
            name="沈佳怡",
            parent_id=Ref("demo_partner_company"),
            function="行政经理",
            mobile=self.people.mobile(),
            email="shen.jiayi@guixiang-trading.example.com",
            tz="Asia/Shanghai",
            preferred_channel="messaging",
        )
        for index, shop in enumerate(sorted(shops, key=lambda unit: unit["id"])):
            own_use = index < 2
            self.add_link(
                shop,
                company,
                "owner",
                share=100.0,
                date_start=d(2019, 4, 28),
                date_move_in=d(2019, 9, 1) if own_use else None,
                note="自营便利店" if own_use else None,
            )
            if index in (2, 4, 5):
                trade = {2: "水果店", 4: "干洗店", 5: "社区药房"}[index]
                tenant = self.person("mid")
                self.owner_profile(tenant)
                start = d(2021 + index % 3, 3 + index, 1)
                self.add_link(
                    shop,
                    tenant,
                    "tenant",
                    date_start=start,
                    date_move_in=start,
                    note=f"经营{trade}",
                )

    def build_investor(self, project, units):
        """A private investor holding more than 5 % of the floor area."""
        d = datetime.date
        investor = self.add_partner(
            "demo_partner_investor",
            name="王建国",
            date_birth=d(1968, 3, 12),
            mobile=self.people.mobile(),
            email="wang.jianguo68@example.com",
            street="浦东新区世纪大道1200号",
            street2="滨江花园12号楼2601室",
            city="上海市",
            zip="200120",
            state_id=Ref("base.state_cn_SH"),
            country_id=Ref("base.cn"),
            tz="Asia/Shanghai",
            preferred_channel="phone",
            personality_type="dominant",
            owner_group="business",
            emergency_contact_name="王思远",
            emergency_contact_phone=self.people.mobile(),
            emergency_contact_relation="儿子",
            id_document_type="resident_id",
            id_number=self.people.id_number(d(1968, 3, 12), "310115"),
            comment="投资型业主，常住上海；房屋委托中介出租，重要事项电话联系。",
        )
        for index, unit in enumerate(units):
            self.owner_link(unit, investor)
            if index < 3:
                tenant = self.person("mid" if index else "young", adult=True)
                self.owner_profile(tenant)
                start = d(2022 + index, 2 + 3 * index, 15)
                self.add_link(
                    unit,
                    tenant,
                    "tenant",
                    date_start=start,
                    date_move_in=start,
                    date_end=days_from_today(120 + 90 * index) if index else None,
                )
                self.household(project, unit, tenant, start, children=0)

    def build_single_owners(self, project, units):
        """Owner-occupied flats with one owner; the first ones carry the
        portal owner and the key customers of the manual criteria."""
        d = datetime.date
        rng = self.rng
        specials = [
            "demo_partner_owner1",
            "demo_partner_committee_1",
            "demo_partner_committee_2",
            "demo_partner_committee_3",
            "demo_partner_influential_1",
            "demo_partner_influential_2",
            "demo_partner_prejudiced_1",
            "demo_partner_prejudiced_2",
            "demo_partner_special_needs",
            "demo_partner_life_support",
            "demo_partner_frail_alone",
        ]
        owners = []
        for index, unit in enumerate(units):
            xmlid = specials[index] if index < len(specials) else None
            old = xmlid in ("demo_partner_frail_alone", "demo_partner_life_support")
            generation = "old" if old or rng.random() < 0.15 else "mid"
            owner = self.person(generation, xmlid, project, unit)
            self.owner_profile(owner)
            move_in = self.move_in_date(unit)
            resale = index == len(specials) + 3
            if resale:
                # bought second-hand in 2023: the first owner's history stays
                former = self.person("mid")
                self.owner_profile(former)
                self.owner_link(
                    unit,
                    former,
                    date_end=d(2023, 4, 30),
                    move_in=self.move_in_date(unit),
                    date_move_out=d(2023, 4, 20),
                    note="已出售",
                )
                self.owner_link(
                    unit, owner, date_start=d(2023, 5, 1), move_in=d(2023, 9, 1)
                )
                move_in = d(2023, 9, 1)
            else:
                self.owner_link(unit, owner, move_in=move_in)
            if xmlid == "demo_partner_frail_alone":
                pass  # lives alone
            elif xmlid == "demo_partner_owner1":
                self.household(project, unit, owner, move_in, children=2)
            else:
                spouse = owner["date_birth"].year < 1990 and rng.random() < 0.8
                self.household(project, unit, owner, move_in, spouse=spouse)
            owners.append(owner)
        self.decorate_key_customers(project)
        return owners[len(specials) :]

    def decorate_key_customers(self, project):
        """Manual key-customer criteria of D-5, special needs with consent."""
        d = datetime.date
        p = self.partner_by_id
        owner1 = p["demo_partner_owner1"]
        owner1.update(
            email=f"{owner1['_pinyin']}@example.com",
            preferred_channel="portal",
            personality_type="friendly",
            owner_group="manager",
        )
        self.identity(owner1, "330106")
        for index in (1, 2, 3):
            # membership itself: demo/property_committee_demo.xml (computed)
            self.identity(p[f"demo_partner_committee_{index}"])
        p["demo_partner_committee_1"].update(
            owner_group="civil_servant",
            personality_type="analytical",
            comment="第二届业主委员会主任（2023 年换届当选）。",
        )
        p["demo_partner_committee_2"]["comment"] = "业主委员会委员，分管财务监督。"
        p["demo_partner_committee_3"]["comment"] = "业主委员会委员，分管绿化与环境。"
        p["demo_partner_influential_1"].update(
            is_influential=True,
            owner_group="expert",
            comment="退休中学教师，小区合唱队组织者，热心社区活动。",
        )
        p["demo_partner_influential_2"].update(
            is_influential=True,
            owner_group="media",
            comment="业主微信群群主，在业主中有较大影响力。",
        )
        p["demo_partner_prejudiced_1"].update(
            is_prejudiced=True,
            personality_type="dominant",
            comment="2020 年起因外墙渗水维修问题对开发商强烈不满，多次投诉。",
        )
        p["demo_partner_prejudiced_2"].update(
            is_prejudiced=True,
            personality_type="self_centred",
            comment="对物业费调整及停车管理有强烈意见。",
        )
        self.identity(p["demo_partner_prejudiced_1"])
        special = p["demo_partner_special_needs"]
        special["special_needs"] = (
            "下肢残疾，使用轮椅出行；需无障碍通道，电梯检修或停运时需提前通知"
            "并安排人员上门协助。"
        )
        life = p["demo_partner_life_support"]
        life.update(
            is_life_support=True,
            special_needs=(
                "慢性阻塞性肺病，居家长期使用制氧机；计划停电须提前 24 小时电话"
                "通知本人及紧急联系人，突发停电立即上门确认。"
            ),
            preferred_channel="phone",
        )
        frail = p["demo_partner_frail_alone"]
        frail.update(
            date_birth=d(1939, 10, 2),
            is_frail_alone=True,
            special_needs="高龄独居，行动不便，子女在外地；每周上门探访一次。",
            preferred_channel="visit",
            emergency_contact_relation="儿子",
            emergency_contact_name=self.people.name("mid", self.surname_of(frail))[0],
            emergency_contact_phone=self.people.mobile(),
        )
        frail.pop("email", None)
        for seq, (partner, scope, day, purpose) in enumerate(
            [
                (special, "special_needs", d(2024, 3, 15), None),
                (
                    life,
                    "life_support",
                    d(2024, 5, 8),
                    "停电、停水及突发事件时优先通知和上门确认；仅限客服中心特殊"
                    "需求专员查阅。",
                ),
                (frail, "special_needs", d(2024, 9, 20), None),
                (owner1, "identity", d(2023, 6, 1), "办理入住及门禁登记，核验身份。"),
            ],
            start=1,
        ):
            consent = {
                "id": f"demo_consent_{seq}",
                "partner": partner,
                "scope": scope,
                "date": day,
            }
            consent["purpose"] = purpose or (
                "紧急情况下的照护及停水停电等事件中的优先服务（特殊需求台账）。"
            )
            self.consents.append(consent)

    def build_co_owners(self, project, units):
        shares = [(70.0, 30.0), (60.0, 40.0)]
        for index, unit in enumerate(units):
            first, second = shares[index] if index < len(shares) else (50.0, 50.0)
            owner = self.person("mid", project=project, unit=unit)
            self.owner_profile(owner)
            if index < 4:
                self.identity(owner)
            years = (
                owner["date_birth"].year - 3,
                min(owner["date_birth"].year + 3, 1995),
            )
            co_owner = self.person("mid", project=project, unit=unit)
            co_owner["date_birth"] = self.people.birth("mid", years)
            self.owner_profile(co_owner, email_share=0.2)
            move_in = self.move_in_date(unit)
            link = self.owner_link(unit, owner, share=first, move_in=move_in)
            self.owner_link(
                unit,
                co_owner,
                share=second,
                move_in=move_in,
                role="co_owner",
                date_start=link["date_start"],
                note="配偶",
            )
            self.household(project, unit, owner, move_in, spouse=False)

    def build_rented(self, project, units, owners):
        """Rented flats; some landlords also live in another flat here."""
        d = datetime.date
        rng = self.rng
        for index, unit in enumerate(units):
            if index < 4:
                owner = owners[index * 3]
            else:
                owner = self.person("mid")
                self.owner_profile(owner)
            self.owner_link(unit, owner)
            xmlid = "demo_partner_tenant1" if index == 0 else None
            tenant = self.person(
                rng.choice(["mid", "young"]), xmlid, project, unit, adult=True
            )
            self.owner_profile(tenant)
            start = random_date(rng, d(2022, 1, 1), d(2025, 6, 30))
            end = days_from_today(rng.randint(60, 500)) if index % 3 == 1 else None
            if xmlid:
                tenant.update(
                    email=f"{tenant['_pinyin']}@example.com",
                    preferred_channel="portal",
                )
                start, end = d(2024, 3, 1), None
            self.add_link(
                unit,
                tenant,
                "tenant",
                date_start=start,
                date_end=end,
                date_move_in=start + datetime.timedelta(days=rng.randint(0, 7)),
            )
            if index % 2 == 0:
                mate = self.person("young", project=project, unit=unit, adult=True)
                self.add_link(
                    unit,
                    mate,
                    "resident",
                    date_start=start,
                    date_end=end,
                    date_move_in=start,
                    note="同住人",
                )

    def build_vacant(self, project, units, owners):
        """Delivered but nobody lives there: one former tenant moved out, two
        are being renovated, two belong to owners of another flat."""
        d = datetime.date
        for index, unit in enumerate(units):
            if index < 2:
                owner = owners[-1 - index * 5]
            else:
                owner = self.person("mid")
                self.owner_profile(owner)
            self.owner_link(unit, owner)
            if index == 2:
                tenant = self.person("young", adult=True)
                self.add_link(
                    unit,
                    tenant,
                    "tenant",
                    date_start=d(2021, 3, 1),
                    date_end=d(2023, 2, 28),
                    date_move_in=d(2021, 3, 5),
                    date_move_out=d(2023, 2, 26),
                    note="租约到期已搬离",
                )
            if index in (3, 4):
                unit["renovation_state"] = "in_progress"

    def build_parking_ghy(self, project):
        rng = self.rng
        code = project["code"].lower()
        names = (
            [(f"B1-{n:03d}", "standard", "underground") for n in range(1, 73)]
            + [(f"B2-{n:03d}", "mechanical", "underground") for n in range(1, 13)]
            + [(f"D-{n:02d}", "standard", "surface") for n in range(1, 11)]
            + [(f"M-{n:02d}", "motorbike", "surface") for n in range(1, 7)]
        )
        spaces = []
        for name, space_type, location in names:
            if name in ("B1-001", "B1-002"):
                space_type = "accessible"
            elif name >= "B1-061" and name.startswith("B1"):
                space_type = "charging"
            spaces.append(
                {
                    "id": f"demo_parking_{code}_{name.lower().replace('-', '_')}",
                    "name": name,
                    "project": project,
                    "space_type": space_type,
                    "location": location,
                }
            )
        by_name = {space["name"]: space for space in spaces}
        links = [
            link
            for link in self.links
            if link["unit"]["project"] is project and not link.get("date_end")
        ]
        owners = []
        seen = set()
        for link in links:
            partner = link["partner"]
            if (
                link["role"] == "owner"
                and link.get("date_move_in")
                and not partner.get("is_company")
                and partner["id"] not in seen
            ):
                seen.add(partner["id"])
                owners.append((partner, link["unit"]))
        tenants = [
            (link["partner"], link["unit"])
            for link in links
            if link["role"] == "tenant" and link["unit"]["use_type"] == "residential"
        ]
        p = self.partner_by_id

        def unit_of(xmlid):
            return next(
                unit for partner, unit in owners + tenants if partner["id"] == xmlid
            )

        fixed = [
            ("B1-001", "demo_partner_special_needs", "owned", False),
            ("B1-010", "demo_partner_owner1", "owned", False),
            ("B1-061", "demo_partner_owner1", "owned", True),
            ("B1-030", "demo_partner_tenant1", "rented", False),
            ("B1-062", "demo_partner_committee_1", "owned", True),
        ]
        assigned = []
        for name, xmlid, holding, electric in fixed:
            assigned.append(
                (by_name[name], p[xmlid], unit_of(xmlid), holding, electric)
            )
        taken = {partner["id"] for _space, partner, *_rest in assigned}
        free = [
            space
            for space in spaces
            if space["name"] not in {name for name, *_rest in fixed}
            and space["space_type"] != "motorbike"
        ]
        candidates = [
            (partner, unit) for partner, unit in owners if partner["id"] not in taken
        ]
        rng.shuffle(candidates)
        pool = [
            space for space in free if space["space_type"] in ("standard", "mechanical")
        ]
        chargers = [space for space in free if space["space_type"] == "charging"]
        for index, (partner, unit) in enumerate(candidates[:44]):
            electric = index % 5 == 0 and chargers
            space = chargers.pop(0) if electric else pool.pop(rng.randrange(len(pool)))
            holding = "rented" if index % 6 == 5 else "owned"
            assigned.append((space, partner, unit, holding, bool(electric)))
        for partner, unit in [pair for pair in tenants if pair[0]["id"] not in taken][
            :8
        ]:
            space = pool.pop(rng.randrange(len(pool)))
            assigned.append((space, partner, unit, "rented", False))
        for name, (partner, unit) in zip(
            ["M-01", "M-02", "M-03"], candidates[44:47], strict=True
        ):
            assigned.append((by_name[name], partner, unit, "rented", False))
        for space, partner, unit, holding, electric in assigned:
            space.update(partner=partner, holding=holding, unit=unit)
            if space["space_type"] == "motorbike":
                continue
            self.add_vehicle(partner, space, electric)
        # second cars without a space of their own
        for partner, _unit in candidates[:6]:
            self.add_vehicle(partner, None, False, project=project)
        self.add_vehicle(p["demo_partner_investor"], None, False, project=project)
        self.spaces.extend(sorted(spaces, key=lambda space: space["name"]))

    def add_vehicle(self, partner, space, electric, project=None):
        rng = self.rng
        models = sorted(EV_MODELS) if electric else CAR_MODELS
        model = rng.choice(models)
        self.vehicles.append(
            {
                "id": f"demo_vehicle_{len(self.vehicles) + 1:03d}",
                "name": self.people.plate(electric or model in EV_MODELS),
                "partner": partner,
                "space": space,
                "project": project,
                "brand": model,
                "color": rng.choice(COLOURS),
            }
        )

    def build_cuizhuyuan(self):
        """The second, small project: one building of 24 flats, so that
        per-project access can be shown (agent2 works here only)."""
        d = datetime.date
        rng = self.rng
        project = self.add_project(
            id="demo_project_czy",
            name="滨江·翠竹苑",
            code="CZY",
            project_type="residential",
            street="滨江区翠竹路16号",
            city="杭州市",
            zip="310051",
            tz="Asia/Shanghai",
            hotline="0571-8663 2200",
            complaint_phone="0571-8663 2211",
            opening_hours="08:30-18:00",
        )
        self.add_units(
            project,
            [
                (
                    1,
                    8,
                    3,
                    False,
                    (d(2024, 6, 1), d(2024, 9, 30)),
                    lambda position, per_floor: rng.uniform(85, 110),
                )
            ],
        )
        units = [unit for unit in self.units if unit["project"] is project]
        units[-1]["date_handover"] = False
        units[-2]["date_handover"] = False
        delivered = units[:-2]
        for index, unit in enumerate(delivered):
            xmlid = {4: "demo_partner_preparatory_1", 9: "demo_partner_preparatory_2"}
            owner = self.person("mid", xmlid.get(index), project, unit)
            self.owner_profile(owner)
            if index in xmlid:
                owner["is_committee_preparatory"] = True
                owner["comment"] = (
                    "业主委员会筹备组成员（街道指导下筹备首次业主大会）。"
                )
                self.identity(owner, "330108")
            rented = index in (7, 15, 20)
            vacant = index in (6, 13, 18)
            move_in = None if rented or vacant else self.move_in_date(unit)
            if index in (2, 11):
                co_owner = self.person("mid", project=project, unit=unit)
                self.owner_profile(co_owner)
                self.owner_link(unit, owner, share=50.0, move_in=move_in)
                self.owner_link(
                    unit,
                    co_owner,
                    share=50.0,
                    move_in=move_in,
                    role="co_owner",
                    note="配偶",
                )
                self.household(project, unit, owner, move_in, spouse=False)
                continue
            self.owner_link(unit, owner, move_in=move_in)
            if rented:
                tenant = self.person("young", project=project, unit=unit, adult=True)
                self.owner_profile(tenant)
                start = d(2025, 1 + index % 6, 1)
                self.add_link(
                    unit, tenant, "tenant", date_start=start, date_move_in=start
                )
            elif move_in:
                self.household(project, unit, owner, move_in)
        for number in range(1, 11):
            name = f"B1-{number:02d}"
            self.spaces.append(
                {
                    "id": f"demo_parking_czy_b1_{number:02d}",
                    "name": name,
                    "project": project,
                    "space_type": "charging" if number > 8 else "standard",
                    "location": "underground",
                }
            )
        czy_links = [
            link
            for link in self.links
            if link["unit"]["project"] is project
            and link["role"] == "owner"
            and link.get("date_move_in")
        ]
        czy_spaces = [space for space in self.spaces if space["project"] is project]
        for space, link in zip(czy_spaces[:6], czy_links[::2], strict=False):
            space.update(partner=link["partner"], holding="owned", unit=link["unit"])
            self.add_vehicle(link["partner"], space, space["space_type"] == "charging")
        return project

    def check_key_area_shares(self, ghy, czy):
        """Exactly the intended owners pass the floor-area threshold."""
        for project in (ghy, czy):
            total = sum(u["area"] for u in self.units if u["project"] is project)
            held = {}
            for link in self.links:
                if (
                    link["unit"]["project"] is project
                    and link["role"] in ("owner", "co_owner")
                    and not link.get("date_end")
                ):
                    key = link["partner"]["id"]
                    held[key] = held.get(key, 0.0) + (
                        link["unit"]["area"] * link.get("share", 100.0) / 100.0
                    )
            above = sorted(
                key
                for key, area in held.items()
                if 100.0 * area / total >= KEY_AREA_SHARE
            )
            expected = (
                ["demo_partner_company", "demo_partner_investor"]
                if project is ghy
                else []
            )
            if above != expected:
                raise SystemExit(
                    f"Unexpected floor-area key customers in {project['code']}: "
                    f"{above} (expected {expected})"
                )

    # -- rendering -----------------------------------------------------------
    def render(self):
        out = XmlWriter()
        out.comment(
            "Generated by data/generate_portfolio.py: do not edit by hand, "
            "edit the generator and run it again. All people are fictitious."
        )
        out.section("Projects")
        for project in self.projects:
            vals = {key: value for key, value in project.items() if key not in ("id",)}
            vals["company_id"] = Ref("base.main_company")
            vals["state_id"] = Ref("base.state_cn_ZJ")
            vals["country_id"] = Ref("base.cn")
            out.record("property.project", project["id"], vals)
        out.section("Buildings")
        for building in self.buildings:
            out.record(
                "property.building",
                building["id"],
                {
                    "name": building["name"],
                    "project_id": Ref(building["project"]["id"]),
                    "sequence": building["sequence"],
                    "floor_count": building["floor_count"],
                },
            )
        out.section("Units (no handover date: not delivered yet)")
        for unit in self.units:
            out.record(
                "property.unit",
                unit["id"],
                {
                    "name": unit["name"],
                    "building_id": Ref(unit["building"]["id"]),
                    "floor": unit["floor"],
                    "area": unit["area"],
                    "use_type": unit["use_type"],
                    "date_handover": unit["date_handover"] or None,
                    "renovation_state": unit.get("renovation_state"),
                },
            )
        out.section("Owners, tenants, household members and an organisation")
        partner_fields = [
            "name",
            "is_company",
            "parent_id",
            "function",
            "date_birth",
            "mobile",
            "phone",
            "email",
            "street",
            "street2",
            "city",
            "zip",
            "state_id",
            "country_id",
            "tz",
            "lang",
            "emergency_contact_name",
            "emergency_contact_phone",
            "emergency_contact_relation",
            "preferred_channel",
            "personality_type",
            "owner_group",
            "id_document_type",
            "id_number",
            "is_committee_preparatory",
            "is_influential",
            "is_prejudiced",
            "special_needs",
            "is_life_support",
            "is_frail_alone",
            "comment",
        ]
        for partner in self.partners:
            out.record(
                "res.partner",
                partner["id"],
                {name: partner.get(name) for name in partner_fields},
            )
        out.section("Unit links: owners, co-owners, tenants, household members")
        for link in self.links:
            out.record(
                "property.unit.partner",
                link["id"],
                {
                    "unit_id": Ref(link["unit"]["id"]),
                    "partner_id": Ref(link["partner"]["id"]),
                    "role": link["role"],
                    "share": link.get("share"),
                    "date_start": link.get("date_start"),
                    "date_end": link.get("date_end"),
                    "date_move_in": link.get("date_move_in"),
                    "date_move_out": link.get("date_move_out"),
                    "note": link.get("note"),
                },
            )
        out.section("Parking spaces")
        for space in self.spaces:
            out.record(
                "property.parking.space",
                space["id"],
                {
                    "name": space["name"],
                    "project_id": Ref(space["project"]["id"]),
                    "space_type": space["space_type"],
                    "location": space["location"],
                    "partner_id": Ref(space["partner"]["id"])
                    if space.get("partner")
                    else None,
                    "holding": space.get("holding"),
                    "unit_id": Ref(space["unit"]["id"]) if space.get("unit") else None,
                },
            )
        out.section("Vehicles")
        for vehicle in self.vehicles:
            out.record(
                "property.vehicle",
                vehicle["id"],
                {
                    "name": vehicle["name"],
                    "partner_id": Ref(vehicle["partner"]["id"]),
                    "parking_space_id": Ref(vehicle["space"]["id"])
                    if vehicle["space"]
                    else None,
                    "project_id": Ref(vehicle["project"]["id"])
                    if vehicle["project"]
                    else None,
                    "brand": vehicle["brand"],
                    "color": vehicle["color"],
                },
            )
        out.section("Separate consents to sensitive personal information (PIPL)")
        for consent in self.consents:
            out.record(
                "property.consent",
                consent["id"],
                {
                    "partner_id": Ref(consent["partner"]["id"]),
                    "scope": consent["scope"],
                    "date": consent["date"],
                    "purpose": consent["purpose"],
                },
            )
        return out.text()

    def summary(self):
        undelivered = sum(1 for unit in self.units if not unit["date_handover"])
        return (
            f"{len(self.projects)} projects, {len(self.buildings)} buildings, "
            f"{len(self.units)} units ({undelivered} not delivered), "
            f"{len(self.partners)} partners, {len(self.links)} unit links, "
            f"{len(self.spaces)} parking spaces, {len(self.vehicles)} vehicles, "
            f"{len(self.consents)} consents"
        )


class XmlWriter:
    """Minimal writer of Odoo data files, stable byte for byte."""

    def __init__(self):
        self.lines = [
            '<?xml version="1.0" encoding="utf-8" ?>',
            "<!-- Copyright 2026 Property CS Contributors",
            "     License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). -->",
        ]
        self.body = []

    def comment(self, text):
        self.lines.append(f"<!-- {text} -->")

    def section(self, title):
        if self.body:
            self.body.append("")
        self.body.append(f"    <!-- {escape(title)} -->")

    def record(self, model, xmlid, vals):
        self.body.append(f'    <record id="{xmlid}" model="{model}">')
        for name, value in vals.items():
            if value is None or value is False:
                continue
            self.body.append("        " + self.field(name, value))
        self.body.append("    </record>")

    @staticmethod
    def field(name, value):
        if isinstance(value, Ref):
            return f'<field name="{name}" ref="{value}" />'
        if isinstance(value, Eval):
            return (
                f'<field name="{name}" eval="{escape(value, {chr(34): "&quot;"})}" />'
            )
        if isinstance(value, bool):
            return f'<field name="{name}" eval="{value}" />'
        if isinstance(value, float):
            text = f"{value:.2f}"
        elif isinstance(value, datetime.date):
            text = value.isoformat()
        else:
            text = str(value)
        return f'<field name="{name}">{escape(text)}</field>'

    def text(self):
        # loaded in Chinese: what the records write in the chatter reads in
        # the company's language
        root = """<odoo context="{'lang': 'zh_CN'}">"""
        return "\n".join(self.lines + [root] + self.body + ["</odoo>", ""])


# ---------------------------------------------------------------------------
# Benchmark CSV
# ---------------------------------------------------------------------------
class BenchmarkPortfolio:
    """A synthetic portfolio written straight to CSV in the import-template
    format: 18-floor buildings of 4 flats per floor, about 3 % of the flats
    not delivered, 15 % co-owned, 15 % rented, 8 % vacant, some owners with
    several flats, household members, half a parking space per flat."""

    FLOORS = 18
    PER_FLOOR = 4
    PREFIX = "bench_portfolio"

    def __init__(self, out_dir, seed=BENCH_SEED):
        self.out_dir = out_dir
        self.rng = random.Random(seed)
        self.writers = {}
        self.counts = {}
        self.people = None
        self.pid = None
        self.partner_seq = 0
        self.link_seq = 0

    def write(self, filename, row):
        self.writers[filename].writerow(
            ["" if value is None else value for value in row]
        )
        self.counts[filename] += 1

    def run(self, projects, units_per_project):
        os.makedirs(self.out_dir, exist_ok=True)
        handles = []
        try:
            for filename, header in CSV_FILES:
                handle = open(  # noqa: SIM115 - closed in the finally clause
                    os.path.join(self.out_dir, filename),
                    "w",
                    encoding="utf-8",
                    newline="",
                )
                handles.append(handle)
                self.writers[filename] = csv.writer(handle, lineterminator="\n")
                self.writers[filename].writerow(header)
                self.counts[filename] = 0
            for number in range(1, projects + 1):
                self.project(number, units_per_project)
        finally:
            for handle in handles:
                handle.close()
        return self.counts

    def project(self, number, units_per_project):
        rng = self.rng
        city, street, zip_code, state, area_code, plate = BENCH_CITIES[
            (number - 1) % len(BENCH_CITIES)
        ]
        self.people = People(rng, plate, unique_names=False)
        self.pid = pid = f"{self.PREFIX}.p{number:04d}"
        self.partner_seq = self.link_seq = 0
        prefixes, suffixes = BENCH_NAME_PREFIXES, BENCH_NAME_SUFFIXES
        name = (
            prefixes[(number - 1) % len(prefixes)]
            + suffixes[(number - 1) // len(prefixes) % len(suffixes)]
        )
        if number > len(prefixes) * len(suffixes):
            name += f"{number}期"
        self.write(
            "property.project.csv",
            [
                f"{pid}_project",
                name,
                f"BM{number:04d}",
                "residential",
                f"{street}{rng.randint(1, 999)}号",
                city,
                zip_code,
                state,
                "base.cn",
                "Asia/Shanghai",
                f"{area_code}-{rng.randint(8000, 8999)} {rng.randint(1000, 9999)}",
                f"{area_code}-{rng.randint(8000, 8999)} {rng.randint(1000, 9999)}",
                "08:00-20:00",
            ],
        )
        units = self.units(units_per_project)
        owned = self.links(units)
        for index in range(1, max(1, units_per_project // 2) + 1):
            holder = rng.choice(owned) if owned and rng.random() < 0.6 else None
            self.write(
                "property.parking.space.csv",
                [
                    f"{pid}_parking_{index}",
                    f"B1-{index:04d}",
                    f"{pid}_project",
                    "charging" if index % 10 == 0 else "standard",
                    "underground",
                    holder[1] if holder else None,
                    rng.choice(["owned", "owned", "rented"]) if holder else None,
                    holder[0] if holder else None,
                ],
            )

    def units(self, count):
        rng = self.rng
        per_building = self.FLOORS * self.PER_FLOOR
        handover = datetime.date(rng.randint(2008, 2024), rng.randint(1, 12), 1)
        units = []
        for building in range(1, math.ceil(count / per_building) + 1):
            bid = f"{self.pid}_building_{building}"
            self.write(
                "property.building.csv",
                [
                    bid,
                    f"{building}幢",
                    f"{self.pid}_project",
                    building * 10,
                    self.FLOORS,
                ],
            )
            for index in range(min(per_building, count - len(units))):
                floor, position = divmod(index, self.PER_FLOOR)
                name = f"{floor + 1}{position + 1:02d}"
                uid = f"{self.pid}_unit_{building}_{name}"
                date_handover = (
                    random_date(rng, handover, handover + datetime.timedelta(days=180))
                    if rng.random() > 0.03
                    else None
                )
                self.write(
                    "property.unit.csv",
                    [
                        uid,
                        name,
                        bid,
                        floor + 1,
                        f"{rng.uniform(60, 180):.2f}",
                        "residential",
                        date_handover,
                    ],
                )
                units.append((uid, date_handover))
        return units

    def partner(self, generation):
        rng, people = self.rng, self.people
        self.partner_seq += 1
        xmlid = f"{self.pid}_partner_{self.partner_seq}"
        name, pinyin = people.name(generation)
        birth = people.birth(
            generation, (1990, 2000) if generation == "young" else None
        )
        email = None
        if rng.random() < 0.3:
            email = f"{pinyin}.{xmlid.rsplit('.', 1)[1]}@example.com"
        emergency = [None, None, None]
        if rng.random() < 0.7:
            emergency = [
                people.name("mid")[0],
                people.mobile(),
                rng.choice(EMERGENCY_RELATIONS),
            ]
        with_id = rng.random() < 0.5
        self.write(
            "res.partner.csv",
            [
                xmlid,
                name,
                "0",
                people.mobile(),
                None,
                email,
                birth,
                *emergency,
                rng.choice(["phone", "sms", "messaging", "portal"]),
                "resident_id" if with_id else None,
                people.id_number(birth) if with_id else None,
            ],
        )
        return xmlid

    def link(self, uid, partner, role, share, start, move_in=None, note=None):
        self.link_seq += 1
        self.write(
            "property.unit.partner.csv",
            [
                f"{self.pid}_link_{self.link_seq}",
                uid,
                partner,
                role,
                share,
                start,
                None,
                move_in,
                None,
                note,
            ],
        )

    def links(self, units):
        """Owners, co-owners, tenants and household members of the flats;
        return the (unit, owner) pairs for the parking spaces."""
        rng = self.rng
        owned = []
        previous = None
        for uid, date_handover in units:
            if not date_handover:
                continue
            start = date_handover - datetime.timedelta(days=rng.randint(30, 200))
            move_in = date_handover + datetime.timedelta(days=rng.randint(60, 300))
            kind = rng.random()
            owner = previous if previous and kind < 0.05 else self.partner("mid")
            previous = owner
            if kind < 0.15:
                self.link(uid, owner, "owner", "50", start, move_in)
                self.link(
                    uid, self.partner("mid"), "co_owner", "50", start, move_in, "配偶"
                )
            elif kind < 0.30:
                self.link(uid, owner, "owner", "100", start)
                lease = random_date(
                    rng, move_in, max(move_in, datetime.date(2025, 12, 31))
                )
                self.link(uid, self.partner("young"), "tenant", None, lease, lease)
            elif kind < 0.38:
                self.link(uid, owner, "owner", "100", start)
            else:
                self.link(uid, owner, "owner", "100", start, move_in)
                if rng.random() < 0.4:
                    member = self.partner("young")
                    self.link(uid, member, "household", None, move_in, move_in, "子女")
            owned.append((uid, owner))
        return owned


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Write the property_cs demo portfolio (default) or, with "
        "--out, a synthetic benchmark portfolio as import CSV files."
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="fail when the committed demo XML differs from the generator",
    )
    parser.add_argument("--out", help="directory for the benchmark CSV files")
    parser.add_argument("--projects", type=int, default=10)
    parser.add_argument("--units-per-project", type=int, default=500)
    parser.add_argument("--seed", type=int, default=BENCH_SEED)
    args = parser.parse_args(argv)

    if args.out:
        if args.projects < 1 or args.units_per_project < 1:
            parser.error("--projects and --units-per-project must be positive")
        counts = BenchmarkPortfolio(args.out, args.seed).run(
            args.projects, args.units_per_project
        )
        for filename, _header in CSV_FILES:
            print(f"{os.path.join(args.out, filename)}: {counts[filename]} rows")
        return 0

    portfolio = DemoPortfolio().build()
    text = portfolio.render()
    if args.check:
        with open(DEMO_XML, encoding="utf-8") as handle:
            if handle.read() != text:
                print(f"{DEMO_XML} is outdated: run {sys.argv[0]}", file=sys.stderr)
                return 1
        print(f"{DEMO_XML} is up to date ({portfolio.summary()})")
        return 0
    with open(DEMO_XML, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"Wrote {DEMO_XML}: {portfolio.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
