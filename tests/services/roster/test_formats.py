"""Reading rosters: real exports of each format, mappings, dates and values."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from cams_desktop.db.school import Language
from cams_desktop.db.students import Gender
from cams_desktop.services.roster.formats import (
    ColumnMapping,
    ParentColumns,
    TargetField,
    layout_signature,
    read_roster,
    read_tables,
    suggest_mapping,
)
from cams_desktop.services.roster.records import (
    DateOrder,
    ParentRecord,
    Problem,
    RosterError,
    RosterFormat,
    StudentRecord,
)

pytestmark = pytest.mark.unit

ROSTERS = Path(__file__).resolve().parents[2] / "data" / "rosters"
CONTOSO = ROSTERS / "oea-contoso-sis"
SDS_V1 = ROSTERS / "ms-sds-csv-samples" / "sds-v1-100-users"
SDS_V21 = ROSTERS / "ms-sds-csv-samples" / "sds-v2.1"
ONEROSTER_11 = ROSTERS / "oneroster-moodle-enrol" / "v1p1_full"
OPENSIS = ROSTERS / "opensis-bulk-student"

NOT_A_DATE = "This is not a date."
NO_SUCH_DATE = "This date does not exist."
TWO_DIGIT_YEAR = "The year must have four digits."
AMBIGUOUS_DATE = (
    "This date can be read day first or month first: choose the date order."
)
BAD_GRADE = "The grade is outside grades 1 to 12 (or is not a grade)."


def write_files(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def csv_file(tmp_path: Path, text: str, name: str = "eleves.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def all_problems(roster) -> list[Problem]:
    return [p for student in roster.students for p in student.problems]


# Real exports


def test_contoso_sis_export():
    roster = read_roster(CONTOSO / "students.csv")
    assert (roster.format, roster.full) == (RosterFormat.TABLE, True)
    assert (roster.rows_read, roster.other_rows, len(roster.students)) == (400, 0, 400)
    assert roster.problems == []
    assert all_problems(roster) == []
    assert roster.passwords_ignored == 400
    assert all(student.had_password for student in roster.students)
    assert roster.source_schools == {f"sch{i}": f"sch{i}" for i in range(4)}
    assert Counter(s.school_source_id for s in roster.students) == {
        "sch0": 100,
        "sch1": 100,
        "sch2": 100,
        "sch3": 100,
    }
    assert Counter(s.grade for s in roster.students) == {
        9: 108,
        10: 108,
        11: 99,
        12: 85,
    }
    assert roster.students[0] == StudentRecord(
        file="students.csv",
        line=2,
        source_id="st1",
        student_number="1",
        username="albertibarra1",
        first_name="Albert",
        last_name="Ibarra",
        grade=11,
        gender=Gender.MALE,
        birth_date=dt.date(2004, 4, 2),  # 4/2/2004, month first
        expected_graduation=dt.date(2020, 6, 30),
        email="albertibarra1@Classrmtest86.org",
        school_source_id="sch0",
        active=True,
        had_password=True,
    )
    last = roster.students[-1]
    assert (last.line, last.source_id, last.first_name, last.last_name, last.grade) == (
        401,
        "st400",
        "Stephanie",
        "Porter",
        10,
    )


def test_contoso_folder_reads_its_student_file():
    roster = read_roster(CONTOSO)
    assert (roster.format, len(roster.students), roster.passwords_ignored) == (
        RosterFormat.TABLE,
        400,
        400,
    )
    assert read_tables(CONTOSO)[0].name == "students.csv"


def test_sds_v1():
    roster = read_roster(SDS_V1)
    assert (roster.format, roster.full) == (RosterFormat.SDS_V1, True)
    assert (roster.rows_read, len(roster.students), roster.passwords_ignored) == (
        86,
        86,
        86,
    )
    assert roster.problems == [] and all_problems(roster) == []
    assert roster.source_schools == {
        "10001": "Contoso High School",
        "10002": "Fabrikam High School",
    }
    assert Counter(s.school_source_id for s in roster.students) == {
        "10001": 60,
        "10002": 26,
    }
    assert Counter(s.grade for s in roster.students) == {9: 30, 10: 28, 11: 15, 12: 13}
    assert roster.students[0] == StudentRecord(
        file="Student.csv",
        line=2,
        source_id="13001",
        student_number="13001",
        username="OKlein",
        first_name="Ora",
        last_name="Klein",
        grade=9,
        birth_date=dt.date(2000, 4, 2),
        expected_graduation=dt.date(2019, 6, 30),
        school_source_id="10001",
        active=True,
        had_password=True,
    )
    by_id = {s.source_id: s for s in roster.students}
    assert by_id["13003"].birth_date == dt.date(1997, 12, 19)  # 12/19/1997
    assert by_id["13086"].student_number == "13091"
    assert by_id["13086"].birth_date == dt.date(1999, 10, 13)


def test_sds_v1_with_guardians(tmp_path):
    folder = write_files(
        tmp_path / "sds",
        {
            "Student.csv": "SIS ID,School SIS ID,First Name,Last Name,Username,Grade,"
            "Birthdate\n1,10,Zoé,Roy,zroy,9,4/2/2010\n2,10,Léo,Roy,lroy,11,3/11/2008\n",
            "School.csv": "SIS ID,Name\n10,École du Lac\n",
            "GuardianRelationship.csv": "SIS ID,Email,First Name,Last Name,Phone,Role\n"
            "1,m@roy.ca,Marie,Roy,555-1234,Parent\n2,m@roy.ca,Marie,Roy,,\n"
            "1,,Jean,,,Guardian\n",
        },
    )
    roster = read_roster(folder)
    assert roster.format is RosterFormat.SDS_V1
    assert roster.source_schools == {"10": "École du Lac"}
    marie = ParentRecord(None, "Marie", "Roy", "m@roy.ca", "555-1234", "Parent")
    assert roster.students[0].parents == (marie,)
    assert roster.students[1].parents == (
        ParentRecord(None, "Marie", "Roy", "m@roy.ca", None, "parent"),
    )
    assert roster.students[0].problems == (
        Problem(
            "GuardianRelationship.csv",
            4,
            "Last Name",
            None,
            "A parent contact needs a first and a last name.",
        ),
    )
    assert roster.students[1].problems == ()
    # Nothing in the dates says their order: SDS v1 writes month first.
    assert [s.birth_date for s in roster.students] == [
        dt.date(2010, 4, 2),
        dt.date(2008, 3, 11),
    ]
    # Unless the user says otherwise.
    day_first = read_roster(folder, date_order=DateOrder.DAY_FIRST)
    assert [s.birth_date for s in day_first.students] == [
        dt.date(2010, 2, 4),
        dt.date(2008, 11, 3),
    ]


def test_sds_v21():
    roster = read_roster(SDS_V21)
    assert (roster.format, roster.full) == (RosterFormat.SDS_V21, True)
    assert (roster.rows_read, roster.other_rows) == (8, 4)
    assert roster.passwords_ignored == 4
    assert roster.source_schools == {"110003": "School of TwoDotOne"}
    assert roster.problems == []
    jean = ParentRecord(
        "114002", "Jean", "Craig", "jean.craig@outlook.com", "+11234567890", "guardian"
    )
    assert roster.students == [
        StudentRecord(
            file="users.csv",
            line=2,
            source_id="114001",
            student_number=None,
            username="jcraig@classrmtest31.org",
            first_name="Jack",
            last_name="Craig",
            grade=10,
            gender=Gender.MALE,
            birth_date=dt.date(2001, 7, 2),
            school_source_id="110003",
            parents=(jean,),
            had_password=True,
        ),
        StudentRecord(
            file="users.csv",
            line=4,
            source_id="114003",
            student_number=None,
            username="fhutch@classrmtest31.org",
            first_name="Fred",
            last_name="Hutch",
            grade=10,
            gender=Gender.MALE,
            birth_date=dt.date(2002, 3, 2),
            school_source_id="110003",
            parents=(
                ParentRecord(
                    "114002",
                    "Jean",
                    "Craig",
                    "jean.craig@outlook.com",
                    "+11234567890",
                    "relative",
                ),
            ),
            had_password=True,
        ),
        StudentRecord(
            file="users.csv",
            line=5,
            source_id="114004",
            student_number=None,
            username="asmithee@classrmtest31.org",
            first_name="Alice",
            last_name="Smithee",
            grade=10,
            gender=Gender.FEMALE,
            birth_date=dt.date(2001, 9, 2),
            school_source_id="110003",
            parents=(
                ParentRecord(
                    "114005",
                    "Bob",
                    "Smithee",
                    "bobsmithee@outlook.com",
                    "+10273841983",
                    "guardian",
                ),
            ),
            had_password=True,
        ),
        StudentRecord(
            file="users.csv",
            line=9,
            source_id="114008",
            student_number=None,
            username="smiller@classrmtest31.org",
            first_name="Simon",
            last_name="Miller",
            grade=None,
            gender=Gender.MALE,
            birth_date=dt.date(2001, 6, 6),
            school_source_id="110001",  # a college, not a school
            had_password=True,
            problems=(Problem("roles.csv", 8, "grade", "ps1", BAD_GRADE),),
        ),
    ]


def test_oneroster_11_students_teachers_and_parents():
    roster = read_roster(ONEROSTER_11)
    assert (roster.format, roster.full) == (RosterFormat.ONEROSTER_11, True)
    assert (roster.rows_read, roster.other_rows, roster.passwords_ignored) == (6, 3, 3)
    assert roster.source_schools == {}  # its only org is a department
    assert roster.problems == [] and all_problems(roster) == []
    assert [(s.line, s.username, s.grade) for s in roster.students] == [
        (3, "mary.jones", 12),
        (6, "mmichel.jones", 12),
        (7, "anna.brown", 11),
    ]
    mary = roster.students[0]
    assert mary == StudentRecord(
        file="users.csv",
        line=3,
        source_id="usr-222-66778899",
        student_number="mary.jones",
        username="mary.jones",
        first_name="Mary",
        last_name="Jones",
        grade=12,
        email="mary.jones@myschool.com",
        school_source_id="org-sch-222-456",
        active=True,
        # Thomas names Mary among his agents; Mary's own agent is a teacher.
        parents=(
            ParentRecord(
                "usr-222-1234561",
                "Thomas",
                "Jones",
                "thomas.jones@testemail.com",
                "6039876543",
                "parent",
            ),
        ),
        had_password=True,
    )
    assert [s.parents for s in roster.students[1:]] == [(), ()]


def test_opensis_upload():
    roster = read_roster(OPENSIS / "upload.csv")
    assert (roster.format, len(roster.students), roster.passwords_ignored) == (
        RosterFormat.TABLE,
        3,
        0,
    )
    assert roster.problems == [] and all_problems(roster) == []
    assert [
        (s.line, s.first_name, s.last_name, s.grade, s.gender, s.birth_date)
        for s in roster.students
    ] == [
        (2, "Duncan", "Gerry", 5, Gender.MALE, dt.date(2003, 8, 16)),
        (3, "Michelle", "Baum", 7, Gender.FEMALE, dt.date(2001, 10, 12)),
        (4, "Derrick", "Johnson", 4, Gender.MALE, dt.date(2000, 9, 15)),
    ]
    assert all(s.parents == () for s in roster.students)


def test_opensis_enhanced_upload_parents():
    roster = read_roster(OPENSIS / "enhanced_upload.csv")
    assert len(roster.students) == 5
    assert roster.problems == [] and all_problems(roster) == []
    parents = {s.last_name + " " + s.first_name: s.parents for s in roster.students}
    assert parents == {
        "Gerry Duncan": (
            ParentRecord(None, "John", "Gerry", None, "206-555-1212", "Father"),
            ParentRecord(None, "Martha", "Gerry", None, None, "Mother"),
        ),
        "Baum Michelle": (
            ParentRecord(
                None, "Heather", "Baum", "ggg@gmail.com", "206-554-1111", "Mother"
            ),
        ),
        "Johnson Derrick": (
            ParentRecord(
                None, "Richard", "Johnson", "g1@gmail.com", "253-444-4444", "Father"
            ),
            ParentRecord(
                None, "Mary", "Johnson", "mgj@gmail.com", "253-444-4444", "Stepmother"
            ),
        ),
        "Murray Gina": (
            ParentRecord(
                None, "Peter", "Murray", "pm@gmail.com", "206-333-4444", "Father"
            ),
            ParentRecord(None, "Delila", "Murray", None, None, "Mother"),
        ),
        "Studlast Studfirst": (
            ParentRecord(
                None, "p-first", "p-last", "p1@parent.xx", "333-3333", "Father"
            ),
            ParentRecord(
                None,
                "parent2first",
                "parent2last",
                "parent2@parent.xx",
                "222-3222",
                "Mother",
            ),
        ),
    }
    studfirst = roster.students[4]
    assert (studfirst.email, studfirst.birth_date, studfirst.grade) == (
        "studemail@test.xx",
        dt.date(2000, 1, 1),
        5,
    )


# OneRoster bundles made here

MANIFEST_12 = (
    "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n"
    "file.users,{users}\nfile.orgs,bulk\nfile.roles,{users}\n"
    "file.demographics,bulk\nfile.enrollments,absent\n"
)
USERS_12 = (
    "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,"
    "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,"
    "password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,"
    "preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns\n"
    "s1,active,2025-08-01,true,zroy,,Zoé,Roy,,1001,zoe@ecole.ca,,,p1,09,secret,"
    ",,,,,,elle\n"
    "s2,active,2025-08-01,false,lroy,,Léo,Roy,,1002,,,,,KG,,,,,,,,\n"
    "s3,active,2025-08-01,true,agagne,,Alix,Gagné,,1003,,,,,10,,,,,,,sch1,\n"
    "p1,active,2025-08-01,true,mroy,,Marie,Roy,,,marie@roy.ca,555-0001,,s2,,"
    "pw,,,,,,,\n"
    "t1,active,2025-08-01,true,prof,,Paul,Prof,,,,,,,,,,,,,,,\n"
)
ROLES_12 = (
    "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,"
    "endDate,orgSourcedId,userProfileSourcedId\n"
    "r1,active,2025-08-01,s1,primary,student,,,dep1,\n"
    "r2,active,2025-08-01,s2,primary,student,,,sch1,\n"
    "r3,active,2025-08-01,s3,secondary,student,,,sch2,\n"
    "r4,active,2025-08-01,p1,primary,guardian,,,sch1,\n"
    "r5,active,2025-08-01,t1,primary,teacher,,,sch1,\n"
)
ORGS_12 = (
    "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
    "sch1,active,,École du Lac,school,ESL,dist\n"
    "sch2,active,,École des Monts,school,EDM,dist\n"
    "dep1,active,,Sciences,department,,sch1\n"
    "dist,active,,Centre de services,district,,\n"
)
DEMOGRAPHICS_12 = (
    "sourcedId,status,dateLastModified,birthDate,sex\n"
    "s1,active,,2010-03-15,female\ns2,active,,2012-02-31,male\ns3,,,,other\n"
)


def oneroster_12(folder: Path, users: str = "bulk", **files: str) -> Path:
    contents = {
        "manifest.csv": MANIFEST_12.format(users=users),
        "users.csv": USERS_12,
        "roles.csv": ROLES_12,
        "orgs.csv": ORGS_12,
        "demographics.csv": DEMOGRAPHICS_12,
    }
    contents.update({f"{name}.csv": text for name, text in files.items()})
    return write_files(folder, contents)


def test_oneroster_12_bulk(tmp_path):
    roster = read_roster(oneroster_12(tmp_path / "or12"))
    assert (roster.format, roster.full) == (RosterFormat.ONEROSTER_12, True)
    assert (roster.rows_read, roster.other_rows, roster.passwords_ignored) == (5, 2, 1)
    assert roster.source_schools == {"sch1": "École du Lac", "sch2": "École des Monts"}
    assert roster.problems == []
    marie = ParentRecord("p1", "Marie", "Roy", "marie@roy.ca", "555-0001", "guardian")
    assert roster.students == [
        StudentRecord(
            file="users.csv",
            line=2,
            source_id="s1",
            student_number="1001",
            username="zroy",
            first_name="Zoé",
            last_name="Roy",
            grade=9,
            gender=Gender.FEMALE,
            birth_date=dt.date(2010, 3, 15),
            email="zoe@ecole.ca",
            school_source_id="sch1",  # the department's school
            active=True,
            parents=(marie,),
            had_password=True,
        ),
        StudentRecord(
            file="users.csv",
            line=3,
            source_id="s2",
            student_number="1002",
            username="lroy",
            first_name="Léo",
            last_name="Roy",
            gender=Gender.MALE,
            school_source_id="sch1",
            active=False,
            parents=(marie,),
            problems=(
                Problem("users.csv", 3, "grades", "KG", BAD_GRADE),
                Problem("demographics.csv", 3, "birthDate", "2012-02-31", NO_SUCH_DATE),
            ),
        ),
        StudentRecord(
            file="users.csv",
            line=4,
            source_id="s3",
            student_number="1003",
            username="agagne",
            first_name="Alix",
            last_name="Gagné",
            grade=10,
            gender=Gender.NON_BINARY,
            school_source_id="sch1",  # primaryOrgSourcedId wins over the role's
            active=True,
        ),
    ]


def test_oneroster_12_delta_in_a_zip_sub_folder(tmp_path):
    users = (
        "sourcedId,status,dateLastModified,enabledUser,username,givenName,"
        "familyName,grades,password\n"
        "s1,tobedeleted,2025-09-01,true,zroy,Zoé,Roy,09,\n"
        "s4,active,2025-09-01,true,nnew,Noé,Nouveau,7,\n"
        "s5,active,2025-09-01,true,xrole,Xavier,Sansrôle,8,\n"
    )
    roles = (
        "sourcedId,status,dateLastModified,userSourcedId,roleType,role,"
        "orgSourcedId\n"
        "r1,tobedeleted,2025-09-01,s1,primary,student,dep1\n"
        "r1b,active,2025-09-01,s1,primary,student,dep1\n"
        "r6,active,2025-09-01,s4,primary,student,sch2\n"
        "r7,tobedeleted,2025-09-01,s5,primary,student,sch2\n"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("delta/manifest.csv", MANIFEST_12.format(users="delta"))
        archive.writestr("delta/users.csv", users)
        archive.writestr("delta/roles.csv", roles)
    path = tmp_path / "delta.zip"
    path.write_bytes(buffer.getvalue())
    roster = read_roster(path)
    assert (roster.format, roster.full) == (RosterFormat.ONEROSTER_12, False)
    assert [(s.source_id, s.to_delete, s.grade) for s in roster.students] == [
        ("s1", True, 9),
        ("s4", False, 7),
    ]
    assert (roster.rows_read, roster.other_rows) == (3, 1)
    assert roster.students[0].problems == ()


def test_manifest_without_users(tmp_path):
    folder = oneroster_12(tmp_path / "b", users="absent")
    roster = read_roster(folder)
    assert (roster.format, roster.full, roster.students) == (
        RosterFormat.ONEROSTER_12,
        False,
        [],
    )
    assert roster.problems == [
        Problem(
            "manifest.csv",
            None,
            "file.users",
            "absent",
            "The manifest says that this bundle has no users.",
        )
    ]


def test_bundle_without_users_file(tmp_path):
    folder = write_files(
        tmp_path / "b",
        {"manifest.csv": "propertyName,value\noneroster.version,1.1\n"},
    )
    roster = read_roster(folder)
    assert roster.students == []
    assert [p.message for p in roster.problems] == [
        "The manifest says that this bundle has no users."
    ]


def test_oneroster_11_users_without_manifest(tmp_path):
    users = (ONEROSTER_11 / "users.csv").read_text(encoding="utf-8")
    path = write_files(tmp_path / "x", {"users.csv": users})
    roster = read_roster(path)
    assert (roster.format, roster.full, len(roster.students)) == (
        RosterFormat.ONEROSTER_11,
        True,
        3,
    )


def test_oneroster_11_inactive_and_bad_enabled_user(tmp_path):
    folder = write_files(
        tmp_path / "b",
        {
            "manifest.csv": "propertyName,value\n"
            "oneroster.version,1.1\nfile.users,bulk\n",
            "users.csv": "sourcedId,status,enabledUser,orgSourcedIds,role,username,"
            "givenName,familyName,grades\n"
            "a,inactive,true,x,student,a,A,A,PK\n"
            "b,active,peut-être,x,student,b,B,B,13\n"
            "c,active,FALSE,x,Student,c,C,C,Other\n",
        },
    )
    roster = read_roster(folder)
    assert [(s.source_id, s.active, s.grade) for s in roster.students] == [
        ("a", False, None),
        ("b", None, None),
        ("c", False, None),
    ]
    assert [(p.line, p.column, p.value, p.message) for p in all_problems(roster)] == [
        (2, "grades", "PK", BAD_GRADE),
        (3, "grades", "13", BAD_GRADE),
        (3, "enabledUser", "peut-être", "The value must be true or false."),
        (4, "grades", "Other", BAD_GRADE),
    ]


# Tables through a mapping

FRENCH = (
    "Numéro d'élève;Nom de famille;Prénom;Année;Date de naissance;Sexe;Courriel;"
    "Nom d'utilisateur;Langue;Statut\n"
    "1001;Bédard;Élodie;9;15/03/2010;F;elodie@ecole.ca;ebedard;Français;Actif\n"
    "1002;Roy;Léo;10;02/04/2009;Garçon;;lroy;anglais;inactif\n"
)


def test_french_headers_are_recognized(tmp_path):
    path = csv_file(tmp_path, FRENCH)
    table = read_tables(path)[0]
    mapping = suggest_mapping(table)
    assert mapping == ColumnMapping(
        columns={
            TargetField.STUDENT_NUMBER: "Numéro d'élève",
            TargetField.LAST_NAME: "Nom de famille",
            TargetField.FIRST_NAME: "Prénom",
            TargetField.GRADE: "Année",
            TargetField.BIRTH_DATE: "Date de naissance",
            TargetField.GENDER: "Sexe",
            TargetField.EMAIL: "Courriel",
            TargetField.USERNAME: "Nom d'utilisateur",
            TargetField.LANGUAGE: "Langue",
            TargetField.STATUS: "Statut",
        }
    )
    roster = read_roster(path)
    assert roster.problems == []
    assert roster.students == [
        StudentRecord(
            file="eleves.csv",
            line=2,
            source_id=None,
            student_number="1001",
            username="ebedard",
            first_name="Élodie",
            last_name="Bédard",
            grade=9,
            gender=Gender.FEMALE,
            birth_date=dt.date(2010, 3, 15),  # 15/03: day first, for the column
            email="elodie@ecole.ca",
            preferred_language=Language.FRENCH,
            active=True,
        ),
        StudentRecord(
            file="eleves.csv",
            line=3,
            source_id=None,
            student_number="1002",
            username="lroy",
            first_name="Léo",
            last_name="Roy",
            grade=10,
            gender=Gender.MALE,
            birth_date=dt.date(2009, 4, 2),
            preferred_language=Language.ENGLISH,
            active=False,
        ),
    ]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["First Name", "Last Name", "Grade"],
            [TargetField.FIRST_NAME, TargetField.LAST_NAME, TargetField.GRADE],
        ),
        (
            ["givenName", "familyName", "grades", "sourcedId"],
            [
                TargetField.FIRST_NAME,
                TargetField.LAST_NAME,
                TargetField.GRADE,
                TargetField.SOURCE_ID,
            ],
        ),
        (
            ["first name", "last_name", "grade id", "Username", "Birthdate", "Gender"],
            [
                TargetField.FIRST_NAME,
                TargetField.LAST_NAME,
                TargetField.GRADE,
                TargetField.USERNAME,
                TargetField.BIRTH_DATE,
                TargetField.GENDER,
            ],
        ),
        (
            ["PRÉNOM", "NOM", "NIVEAU", "Fiche", "Genre", "Graduation Year", "Email"],
            [
                TargetField.FIRST_NAME,
                TargetField.LAST_NAME,
                TargetField.GRADE,
                TargetField.STUDENT_NUMBER,
                TargetField.GENDER,
                TargetField.GRADUATION,
                TargetField.EMAIL,
            ],
        ),
        (
            ["Student Number", "SIS ID", "Nom d’utilisateur", "Date de naissance"],
            [
                TargetField.STUDENT_NUMBER,
                TargetField.SOURCE_ID,
                TargetField.USERNAME,
                TargetField.BIRTH_DATE,
            ],
        ),
        (["Colonne 1", "Remarques"], []),
    ],
)
def test_suggested_mapping_synonyms(tmp_path, headers, expected):
    path = csv_file(tmp_path, ",".join(headers) + "\n")
    mapping = suggest_mapping(read_tables(path)[0])
    assert list(mapping.columns) == expected
    assert list(mapping.columns.values()) == headers[: len(expected)]


def test_best_synonym_wins_over_column_order(tmp_path):
    path = csv_file(tmp_path, "Secondary Email,Email,Prénom,Nom,Année\n")
    mapping = suggest_mapping(read_tables(path)[0])
    assert mapping.columns[TargetField.EMAIL] == "Email"


def test_opensis_parent_columns_are_suggested():
    mapping = suggest_mapping(read_tables(OPENSIS / "enhanced_upload.csv")[0])
    assert mapping.parents == (
        ParentColumns(
            "p-first name",
            "p-last name",
            "p-email",
            ("p-cell", "p-home_ph", "p-work_ph"),
            "p-relationship",
        ),
        ParentColumns(
            "s-first name",
            "s-last name",
            "s-email",
            ("s-cell", "s-home_ph", "s-work_ph"),
            "s-relationship",
        ),
    )
    assert mapping.columns[TargetField.EMAIL] == "st-email"
    assert mapping.columns[TargetField.SCHOOL_ID] == "school id"


def test_missing_required_columns_leave_a_file_problem(tmp_path):
    path = csv_file(tmp_path, "Prénom,Courriel\nZoé,z@e.ca\n")
    roster = read_roster(path)
    assert (roster.format, roster.students, roster.rows_read) == (
        RosterFormat.TABLE,
        [],
        1,
    )
    assert roster.problems == [
        Problem(
            "eleves.csv",
            None,
            None,
            None,
            "No column is chosen for: Last name, Grade.",
        )
    ]


def test_a_users_mapping_is_followed(tmp_path):
    path = csv_file(
        tmp_path,
        "Col A,Col B,Col C,Naissance,Autre\nZoé,Roy,9e,04/02/2010,x\n",
    )
    mapping = ColumnMapping(
        columns={
            TargetField.FIRST_NAME: "Col A",
            TargetField.LAST_NAME: "Col B",
            TargetField.GRADE: "col c",
            TargetField.BIRTH_DATE: "Naissance",
            TargetField.USERNAME: "Absente",
        },
        date_order=DateOrder.DAY_FIRST,
    )
    roster = read_roster(path, mapping=mapping)
    assert roster.problems == [
        Problem("eleves.csv", None, "Absente", None, "This column is not in the file.")
    ]
    student = roster.students[0]
    assert (
        student.first_name,
        student.last_name,
        student.grade,
        student.birth_date,
    ) == (
        "Zoé",
        "Roy",
        9,
        dt.date(2010, 2, 4),
    )
    # The date order given to read_roster wins over the mapping's.
    other = read_roster(path, mapping=mapping, date_order=DateOrder.MONTH_FIRST)
    assert other.students[0].birth_date == dt.date(2010, 4, 2)


def test_mapping_json_round_trip():
    mapping = ColumnMapping(
        columns={TargetField.FIRST_NAME: "Prénom", TargetField.GRADE: "Année"},
        parents=(
            ParentColumns("p-first name", "p-last name", None, ("p-cell",), None),
        ),
        date_order=DateOrder.DAY_FIRST,
    )
    data = mapping.to_json()
    assert data == {
        "columns": {"first_name": "Prénom", "grade": "Année"},
        "parents": [
            {
                "first_name": "p-first name",
                "last_name": "p-last name",
                "email": None,
                "phones": ["p-cell"],
                "relationship": None,
            }
        ],
        "date_order": "dmy",
    }
    assert ColumnMapping.from_json(data) == mapping
    assert ColumnMapping.from_json(json.dumps(data)) == mapping
    assert ColumnMapping.from_json({"columns": {}}) == ColumnMapping()


@pytest.mark.parametrize(
    "data",
    [
        "not json",
        "[1, 2]",
        {"columns": {"height": "Taille"}},
        {"columns": {"first_name": 3}},
        {"columns": [], "date_order": "ymd"},
        {"parents": ["p-"]},
    ],
)
def test_mapping_from_other_json_is_refused(data):
    with pytest.raises(ValueError) as raised:
        ColumnMapping.from_json(data)
    assert str(raised.value) == "This is not a column mapping saved by CAMS."


def test_layout_signature(tmp_path):
    def signature(header: str) -> str:
        return layout_signature(read_tables(csv_file(tmp_path, header + "\n"))[0])

    first = signature("Prénom,Nom,Année")
    assert first == signature("prenom;NOM;annee") == signature("PRÉNOM\tNom\tAnnée ")
    assert len(first) == 24
    assert first != signature("Nom,Prénom,Année")
    assert first != signature("Prénom,Nom,Année,Courriel")


# Dates


def dates_roster(tmp_path, values, **options):
    text = "Prénom,Nom,Année,Naissance\n" + "".join(
        f"E{i},N,9,{value}\n" for i, value in enumerate(values)
    )
    return read_roster(csv_file(tmp_path, text), **options)


def test_iso_dates_are_always_read(tmp_path):
    roster = dates_roster(
        tmp_path, ["2010-03-15", "2018-04-2", "2010/3/5", "2011-01-31"]
    )
    assert [s.birth_date for s in roster.students] == [
        dt.date(2010, 3, 15),
        dt.date(2018, 4, 2),
        dt.date(2010, 3, 5),
        dt.date(2011, 1, 31),
    ]
    assert roster.problems == [] and all_problems(roster) == []


def test_day_first_is_detected(tmp_path):
    roster = dates_roster(tmp_path, ["04/02/2010", "25/12/2009", "5.6.2011"])
    assert [s.birth_date for s in roster.students] == [
        dt.date(2010, 2, 4),
        dt.date(2009, 12, 25),
        dt.date(2011, 6, 5),
    ]
    assert roster.problems == []


def test_month_first_is_detected(tmp_path):
    roster = dates_roster(tmp_path, ["04/02/2010", "12/25/2009", "5-6-2011"])
    assert [s.birth_date for s in roster.students] == [
        dt.date(2010, 4, 2),
        dt.date(2009, 12, 25),
        dt.date(2011, 5, 6),
    ]
    assert roster.problems == []


def test_ambiguous_dates_ask_for_the_order(tmp_path):
    roster = dates_roster(tmp_path, ["04/02/2010", "05/05/2011", "2012-01-02"])
    assert roster.problems == [
        Problem(
            "eleves.csv",
            None,
            "Naissance",
            None,
            "The dates of this column can be read day first or month first: "
            "choose the date order.",
        )
    ]
    assert [(s.birth_date, s.problems) for s in roster.students] == [
        (None, (Problem("eleves.csv", 2, "Naissance", "04/02/2010", AMBIGUOUS_DATE),)),
        (dt.date(2011, 5, 5), ()),
        (dt.date(2012, 1, 2), ()),
    ]
    chosen = dates_roster(
        tmp_path, ["04/02/2010", "05/05/2011"], date_order=DateOrder.DAY_FIRST
    )
    assert chosen.problems == []
    assert chosen.students[0].birth_date == dt.date(2010, 2, 4)


def test_unambiguous_column_needs_no_order(tmp_path):
    roster = dates_roster(tmp_path, ["05/05/2011", "2012-01-02"])
    assert roster.problems == [] and all_problems(roster) == []


def test_mixed_orders_in_one_column(tmp_path):
    roster = dates_roster(tmp_path, ["25/12/2009", "12/25/2009", "04/02/2010"])
    assert roster.problems == [
        Problem(
            "eleves.csv",
            None,
            "Naissance",
            None,
            "This column has dates written day first and others month first: "
            "correct the file.",
        )
    ]
    # No value is read by guessing its own order: each is a row error.
    mixed = (
        "This column has dates written day first and others month first: choose "
        "the date order."
    )
    assert [s.birth_date for s in roster.students] == [None, None, None]
    assert all_problems(roster) == [
        Problem("eleves.csv", 2, "Naissance", "25/12/2009", mixed),
        Problem("eleves.csv", 3, "Naissance", "12/25/2009", mixed),
        Problem("eleves.csv", 4, "Naissance", "04/02/2010", mixed),
    ]
    chosen = dates_roster(
        tmp_path,
        ["25/12/2009", "12/25/2009", "04/02/2010"],
        date_order=DateOrder.DAY_FIRST,
    )
    assert chosen.problems == []
    assert [s.birth_date for s in chosen.students] == [
        dt.date(2009, 12, 25),
        None,
        dt.date(2010, 2, 4),
    ]


def test_impossible_and_unreadable_dates(tmp_path):
    roster = dates_roster(
        tmp_path,
        ["31/02/2010", "2010-13-01", "15/03/10", "hier", "2010-02-29", "29/02/2012"],
    )
    assert [s.birth_date for s in roster.students] == [
        None,
        None,
        None,
        None,
        None,
        dt.date(2012, 2, 29),
    ]
    assert all_problems(roster) == [
        Problem("eleves.csv", 2, "Naissance", "31/02/2010", NO_SUCH_DATE),
        Problem("eleves.csv", 3, "Naissance", "2010-13-01", NO_SUCH_DATE),
        Problem("eleves.csv", 4, "Naissance", "15/03/10", TWO_DIGIT_YEAR),
        Problem("eleves.csv", 5, "Naissance", "hier", NOT_A_DATE),
        Problem("eleves.csv", 6, "Naissance", "2010-02-29", NO_SUCH_DATE),
    ]


def test_a_column_the_mapping_reads_twice_is_a_problem_of_the_file(tmp_path):
    path = csv_file(
        tmp_path,
        "Prénom,Nom,Année,Courriel,prenom,Courriel\n"
        "Zoé,Roy,9,zoe@example.org,Zoe,zroy@example.org\n",
    )

    roster = read_roster(path)

    assert roster.problems == [
        Problem(
            "eleves.csv",
            None,
            header,
            None,
            "This column is in the file more than once: keep only one of them.",
        )
        for header in ("Prénom", "Courriel")
    ]


def test_iso_date_times_are_read_only_with_a_real_time_of_day(tmp_path):
    values = [
        "2023-05-01T18:25:43.511Z",
        "2010-03-15 08:30",
        "2010-03-15T23:59:59+05:00",
        "2011-02-03T25:99",
        "2011-02-03T12:60",
        "2011-02-03 10:00:61",
        "2011-02-03Tmidi",
    ]
    roster = dates_roster(tmp_path, values)

    no_such_time = "This time of day does not exist."
    assert [s.birth_date for s in roster.students] == [
        dt.date(2023, 5, 1),
        dt.date(2010, 3, 15),
        dt.date(2010, 3, 15),
        None,
        None,
        None,
        None,
    ]
    assert all_problems(roster) == [
        Problem("eleves.csv", 5, "Naissance", "2011-02-03T25:99", no_such_time),
        Problem("eleves.csv", 6, "Naissance", "2011-02-03T12:60", no_such_time),
        Problem("eleves.csv", 7, "Naissance", "2011-02-03 10:00:61", no_such_time),
        Problem("eleves.csv", 8, "Naissance", "2011-02-03Tmidi", NOT_A_DATE),
    ]


def test_a_date_against_the_chosen_order_does_not_exist(tmp_path):
    roster = dates_roster(tmp_path, ["25/12/2009"], date_order=DateOrder.MONTH_FIRST)
    assert all_problems(roster) == [
        Problem("eleves.csv", 2, "Naissance", "25/12/2009", NO_SUCH_DATE)
    ]


def test_graduation_year_or_date(tmp_path):
    path = csv_file(
        tmp_path,
        "Prénom,Nom,Année,Graduation Year\nA,B,9,2027\nC,D,9,2028-06-15\nE,F,9,27\n",
    )
    roster = read_roster(path)
    assert [s.expected_graduation for s in roster.students] == [
        dt.date(2027, 6, 30),
        dt.date(2028, 6, 15),
        None,
    ]
    assert all_problems(roster) == [
        Problem("eleves.csv", 4, "Graduation Year", "27", NOT_A_DATE)
    ]


# Other values


def test_values_are_trimmed_kept_as_written_and_never_cut(tmp_path):
    long_name = "Marie-Ève-Geneviève-Anne-Sophie " * 10
    path = csv_file(
        tmp_path,
        f'Prénom,Nom,Année,Courriel,Nom d\'utilisateur\n"  {long_name}  ",'
        "  d'Arcy-ÉTIENNE ,  09 , ,\n",
    )
    student = read_roster(path).students[0]
    assert student.first_name == long_name.strip()
    assert student.last_name == "d'Arcy-ÉTIENNE"
    assert (student.grade, student.email, student.username) == (9, None, None)


@pytest.mark.parametrize(
    ("value", "grade"),
    [("9", 9), ("09", 9), ("12", 12), ("1", 1), ("9e", 9), ("Grade 10", 10)],
)
def test_grades_read(tmp_path, value, grade):
    path = csv_file(tmp_path, f"Prénom,Nom,Année\nA,B,{value}\n")
    student = read_roster(path).students[0]
    assert (student.grade, student.problems) == (grade, ())


@pytest.mark.parametrize(
    "value", ["KG", "PK", "IT", "PR", "TK", "UG", "PS", "13", "0", "Other", "Sec 3"]
)
def test_grades_outside_1_to_12(tmp_path, value):
    path = csv_file(tmp_path, f"Prénom,Nom,Année\nA,B,{value}\n")
    student = read_roster(path).students[0]
    assert student.grade is None
    assert student.problems == (Problem("eleves.csv", 2, "Année", value, BAD_GRADE),)


def test_empty_grade_is_no_problem_for_the_reader(tmp_path):
    student = read_roster(csv_file(tmp_path, "Prénom,Nom,Année\nA,B,\n")).students[0]
    assert (student.grade, student.problems) == (None, ())


@pytest.mark.parametrize(
    ("value", "gender"),
    [
        ("Male", Gender.MALE),
        ("m", Gender.MALE),
        ("HOMME", Gender.MALE),
        ("masculin", Gender.MALE),
        ("Garçon", Gender.MALE),
        ("female", Gender.FEMALE),
        ("F", Gender.FEMALE),
        ("Femme", Gender.FEMALE),
        ("Féminin", Gender.FEMALE),
        ("fille", Gender.FEMALE),
        ("Non-binary", Gender.NON_BINARY),
        ("X", Gender.NON_BINARY),
        ("other", Gender.NON_BINARY),
        ("Unspecified", Gender.UNSPECIFIED),
    ],
)
def test_genders(tmp_path, value, gender):
    path = csv_file(tmp_path, f"Prénom,Nom,Année,Sexe\nA,B,9,{value}\n")
    student = read_roster(path).students[0]
    assert (student.gender, student.problems) == (gender, ())


def test_unknown_gender_language_and_status(tmp_path):
    path = csv_file(
        tmp_path,
        "Prénom,Nom,Année,Genre,Langue,Status\nA,B,9,Licorne,Espagnol,Suspendu\n",
    )
    student = read_roster(path).students[0]
    assert (student.gender, student.preferred_language, student.active) == (
        None,
        None,
        None,
    )
    assert student.problems == (
        Problem("eleves.csv", 2, "Genre", "Licorne", "This gender is not recognized."),
        Problem(
            "eleves.csv",
            2,
            "Langue",
            "Espagnol",
            "The language is not recognized: English or French.",
        ),
        Problem(
            "eleves.csv",
            2,
            "Status",
            "Suspendu",
            "This status is not recognized: active or inactive.",
        ),
    )


@pytest.mark.parametrize(
    ("value", "language"),
    [
        ("en", Language.ENGLISH),
        ("English", Language.ENGLISH),
        ("Anglais", Language.ENGLISH),
        ("fr", Language.FRENCH),
        ("French", Language.FRENCH),
        ("Français", Language.FRENCH),
        ("fr-CA", Language.FRENCH),
    ],
)
def test_languages(tmp_path, value, language):
    path = csv_file(tmp_path, f"Prénom,Nom,Année,Langue\nA,B,9,{value}\n")
    assert read_roster(path).students[0].preferred_language is language


def test_school_names_from_a_column(tmp_path):
    path = csv_file(
        tmp_path,
        "Prénom,Nom,Année,School SIS ID,School Name\nA,B,9,s1,École A\nC,D,9,s2,\n",
    )
    roster = read_roster(path)
    assert roster.source_schools == {"s1": "École A", "s2": "s2"}
    assert [s.school_source_id for s in roster.students] == ["s1", "s2"]


# Files of every kind


def test_windows_1252_table(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("Prénom;Nom;Année\nÉlodie;Gagné;9\n".encode("cp1252"))
    assert [(s.first_name, s.last_name) for s in read_roster(path).students] == [
        ("Élodie", "Gagné")
    ]


def test_tab_separated_table_with_bom(tmp_path):
    path = tmp_path / "export.tsv"
    path.write_bytes("\ufeffFirst Name\tLast Name\tGrade\nZoé\tRoy\t9\n".encode())
    assert [(s.first_name, s.grade) for s in read_roster(path).students] == [("Zoé", 9)]


def test_quoted_newline_and_too_many_cells(tmp_path):
    path = csv_file(
        tmp_path,
        'Prénom,Nom,Année\n"Zoé\nAnne",Roy,9\nLéo,Roy,10,extra\nAli,B,11\n',
    )
    roster = read_roster(path)
    assert [(s.line, s.first_name, s.problems) for s in roster.students] == [
        (2, "Zoé\nAnne", ()),
        (
            4,
            "Léo",
            (
                Problem(
                    "eleves.csv",
                    4,
                    None,
                    None,
                    "This row has more values than the header has columns.",
                ),
            ),
        ),
        (5, "Ali", ()),
    ]


def test_xlsx_table_with_date_cells(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Élèves"
    sheet.append(["Prénom", "Nom", "Année", "Date de naissance", "Graduation Year"])
    sheet.append(["Zoé", "Roy", 9, dt.date(2010, 4, 2), 2028])
    sheet.append(["Léo", "Roy", 10.0, dt.datetime(2009, 2, 4), None])
    path = tmp_path / "eleves.xlsx"
    book.save(path)
    roster = read_roster(path)
    assert roster.problems == []
    assert [
        (s.file, s.line, s.first_name, s.grade, s.birth_date, s.expected_graduation)
        for s in roster.students
    ] == [
        ("eleves.xlsx", 2, "Zoé", 9, dt.date(2010, 4, 2), dt.date(2028, 6, 30)),
        ("eleves.xlsx", 3, "Léo", 10, dt.date(2009, 2, 4), None),
    ]


def test_folder_picks_the_table_that_has_students(tmp_path):
    folder = write_files(
        tmp_path / "export",
        {
            "cours.csv": "Code,Titre\nMAT,Maths\n",
            "liste.csv": "Prénom,Nom,Année\nZoé,Roy,9\n",
            "notes.txt": "Remarque\nrien\n",
        },
    )
    roster = read_roster(folder)
    assert [(s.file, s.first_name) for s in roster.students] == [("liste.csv", "Zoé")]
    assert [t.name for t in read_tables(folder)] == [
        "liste.csv",
        "cours.csv",
        "notes.txt",
    ]
    mapping = ColumnMapping(
        {
            TargetField.FIRST_NAME: "Titre",
            TargetField.LAST_NAME: "Code",
            TargetField.GRADE: "Code",
        }
    )
    chosen = read_roster(folder, mapping=mapping)
    assert [(s.file, s.first_name) for s in chosen.students] == [("cours.csv", "Maths")]


def test_unreadable_input_raises(tmp_path):
    path = tmp_path / "eleves.csv"
    path.write_bytes(b"\x00\x01")
    with pytest.raises(RosterError) as raised:
        read_roster(path)
    assert raised.value.problem.file == "eleves.csv"


def test_read_tables_puts_the_students_file_first():
    assert [t.name for t in read_tables(ONEROSTER_11)][:2] == [
        "users.csv",
        "academicSessions.csv",
    ]
    assert read_tables(SDS_V1)[0].name == "Student.csv"
    assert read_tables(SDS_V21)[0].name == "users.csv"


def test_parent_contact_without_a_name(tmp_path):
    path = csv_file(
        tmp_path,
        "first name,last name,grade id,p-first name,p-last name,p-email,s-first name,"
        "s-last name,s-cell\n"
        "Zoé,Roy,9,,,parent@roy.ca,Anne,Roy,555-0002\n"
        "Léo,Roy,9,Marc,,,,,\n",
    )
    roster = read_roster(path)
    assert [(s.parents, s.problems) for s in roster.students] == [
        (
            (ParentRecord(None, "Anne", "Roy", None, "555-0002", "parent"),),
            (
                Problem(
                    "eleves.csv",
                    2,
                    "p-first name",
                    None,
                    "A parent contact needs a first and a last name.",
                ),
            ),
        ),
        (
            (),
            (
                Problem(
                    "eleves.csv",
                    3,
                    "p-last name",
                    None,
                    "A parent contact needs a first and a last name.",
                ),
            ),
        ),
    ]


def test_users_parent_columns_are_followed(tmp_path):
    path = csv_file(
        tmp_path,
        "Prénom,Nom,Année,Mère,Nom de la mère,Tél. mère\nZoé,Roy,9,Anne,Roy,555\n",
    )
    mapping = ColumnMapping(
        columns={
            TargetField.FIRST_NAME: "Prénom",
            TargetField.LAST_NAME: "Nom",
            TargetField.GRADE: "Année",
        },
        parents=(ParentColumns("Mère", "Nom de la mère", None, ("Tél. mère",)),),
    )
    student = read_roster(path, mapping=mapping).students[0]
    assert student.parents == (
        ParentRecord(None, "Anne", "Roy", None, "555", "parent"),
    )


def test_oneroster_first_of_several_grades(tmp_path):
    folder = write_files(
        tmp_path / "b",
        {
            "manifest.csv": "propertyName,value\noneroster.version,1.1\n",
            "users.csv": "sourcedId,role,givenName,familyName,grades\n"
            'a,student,A,A,"10,11"\n',
        },
    )
    assert read_roster(folder).students[0].grade == 10
