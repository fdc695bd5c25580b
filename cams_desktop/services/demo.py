"""The demo school: a deterministic, invented school board to try and benchmark.

``generate_demo(path, students, seed)`` fills a new local database with one
board of three schools, the demo school's staff, students, parents, groups,
guidance records and everything students saved in their plans, so that every
list, report and printout has something realistic to show. The same
``(students, seed)`` always gives byte-identical tables: all randomness comes
from one ``random.Random(seed)``, ids are UUIDv7-shaped but built from a fixed
base time and seeded bits, and every timestamp is counted from
``REFERENCE_NOW``, never read from the clock.

Rows are bulk-inserted with ``session.execute(insert(Model), rows)``, which
deliberately bypasses the change-tracking hook: the demo data is a baseline,
not anyone's edits, so it must not fill the audit trail or the sync outbox.

Every person in here is invented: names are drawn at random from pools of
common first and last names, and all addresses use reserved example domains
and 555-01xx telephone numbers.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import math
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from cams_desktop.db.base import Record, link_id
from cams_desktop.db.courses import Course, CoursePlanEntry, CoursePrerequisite
from cams_desktop.db.engine import Database
from cams_desktop.db.guidance import (
    AnnualReview,
    Assignment,
    AssignmentSubmission,
    CounsellingGroupEntry,
    CounsellingLogEntry,
    CounsellingTopic,
    CustomLink,
    Message,
    MessageRecipient,
    Note,
    SpecialContact,
)
from cams_desktop.db.plans import (
    AssessmentKind,
    AssessmentResult,
    AssessmentSuggestion,
    CareerInterest,
    ClusterInterest,
    EducationInterest,
    EducationInterestKind,
    Experience,
    ExperienceKind,
    JournalEntry,
    PlanningActivity,
    PostSecondaryPlan,
    SuggestionKind,
)
from cams_desktop.db.readiness import ReadinessRequirement
from cams_desktop.db.school import (
    AccessLevel,
    Board,
    Language,
    School,
    SchoolSetting,
    Staff,
    UsageAgreement,
)
from cams_desktop.db.students import (
    ActivationCode,
    CaseloadAssignment,
    Gender,
    GroupKind,
    GroupMembership,
    LoginEvent,
    Parent,
    ParentComment,
    ParentLink,
    PlanInvitation,
    PlanStatus,
    Student,
    StudentGroup,
)
from cams_desktop.services.auth import hash_password
from cams_desktop.text import fold, name_sort_key

log = logging.getLogger(__name__)

# The demo school is seen three months into the 2026-2027 school year, so that
# this year's logs, reviews and messages already have something in them.
SCHOOL_YEAR = 2026
SCHOOL_YEAR_START = dt.date(2026, 9, 1)
REFERENCE_NOW = dt.datetime(2026, 12, 1, 15, 0, tzinfo=dt.UTC)
# Ids count up from here; being before REFERENCE_NOW keeps them plausible.
ID_BASE_TIME = dt.datetime.combine(SCHOOL_YEAR_START, dt.time(), tzinfo=dt.UTC)

DEMO_GRADES = range(7, 13)
AGREEMENT_EDITION = "2026-1"

DEMO_ACCOUNTS: tuple[tuple[str, AccessLevel], ...] = (
    ("admin", AccessLevel.PROGRAM_ADMIN),
    ("direction", AccessLevel.SCHOOL_ADMIN),
    ("conseiller", AccessLevel.SCHOOL_ADMIN),
    ("enseignant", AccessLevel.TEACHER),
    ("secretariat", AccessLevel.OTHER_STAFF),
)
# Demo credentials, public on purpose (sign-in screen, README): the demo
# school's site account, and each demo account's password is "demo-" and its
# username (demo_password). The other invented staff have no password.
DEMO_SITE_ACCOUNT = ("demo", "ecole-demo")


def demo_password(username: str) -> str:
    """The password of the demo account ``username``, e.g. ``demo-conseiller``."""
    return f"demo-{username}"


@functools.cache
def _demo_hash(label: str, password: str) -> str:
    """The Argon2id hash of a demo password, the same on every generation.

    The salt comes from ``label``, not from the random generator: the tables
    stay byte-identical for a seed, and the random draws of every other row
    are what they were before demo accounts had passwords. Cached, because
    tests generate many demo schools in one process.
    """
    salt = hashlib.sha256(f"cams-demo/{label}".encode()).digest()[:16]
    return hash_password(password, salt=salt)


# (first name, last name, preferred language) of each demo account, invented.
_DEMO_ACCOUNT_PEOPLE: dict[str, tuple[str, str, Language]] = {
    "admin": ("Hélène", "Desrochers-Boivin", Language.FRENCH),
    "direction": ("Marc-André", "Beaulieu", Language.FRENCH),
    "conseiller": ("Noémie", "St-Onge", Language.FRENCH),
    "enseignant": ("Daniel", "O’Reilly", Language.ENGLISH),
    "secretariat": ("Isabelle", "Cournoyer", Language.FRENCH),
}

# Rows are generated and inserted for this many students at a time, which
# bounds memory at 50,000 students and gives the progress callback a rhythm.
_CHUNK_STUDENTS = 2500
# Enough for a few statements per chunk without building huge parameter lists.
_INSERT_BATCH = 20000

STUDENT_EMAIL_DOMAIN = "eleves.erables.example.org"
STAFF_EMAIL_DOMAIN = "erables.example.org"
PARENT_EMAIL_DOMAINS = ("courriel.example.net", "mail.example.com", "example.org")


@dataclass(frozen=True)
class DemoSummary:
    """What ``generate_demo`` made, and how long it took."""

    students: int
    staff: int
    parents: int
    groups: int
    notes: int
    log_entries: int
    login_events: int
    seconds: float
    school_id: uuid.UUID


# ----------------------------------------------------------------------------
# Name pools. Common names only, combined at random: nobody real is described.
# The data tables below are laid out by hand, so the formatter leaves them.

# fmt: off


@dataclass(frozen=True)
class _Origin:
    """First and last names that go together in one family."""

    weight: int
    female: tuple[str, ...]
    male: tuple[str, ...]
    last: tuple[str, ...]
    # Parents' generation; the children's pools when empty.
    adult_female: tuple[str, ...] = ()
    adult_male: tuple[str, ...] = ()
    # Share of these families whose preferred language is French.
    french: float = 0.4


_FRENCH = _Origin(
    weight=50,
    female=(
        "Zoé", "Élodie", "Béatrice", "Noémie", "Marie-Ève", "Léa", "Chloé",
        "Émilie", "Gabrielle", "Florence", "Rosalie", "Maëlle", "Océane",
        "Anaïs", "Sarah-Jeanne", "Marie-Soleil", "Clémence", "Juliette",
        "Mégane", "Ève", "Laurence", "Anne-Sophie", "Frédérique", "Maïka",
        "Éliane", "Héloïse", "Alexanne", "Daphnée", "Mélodie", "Justine",
    ),
    male=(
        "Théo", "François", "Gaël", "Jean-François", "Mathis", "Félix",
        "Étienne", "Louis-Philippe", "Zacharie", "Raphaël", "Noé", "Jérémie",
        "Olivier", "Antoine", "Émile", "Benoît", "Loïc", "Thomas", "Xavier",
        "Marc-Olivier", "Jacob", "William", "Édouard", "Samuel", "Maxime",
        "Gabriel", "Nathan", "Anthony", "Cédric", "Hugo",
    ),
    last=(
        "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin",
        "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger",
        "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard",
        "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier",
        "Fournier", "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault",
        "St-Pierre", "St-Onge", "D'Amours", "D’Amour", "de la Fontaine",
        "Desjardins", "Lachance", "Béliveau", "Allard", "L'Heureux",
        "L’Écuyer", "Dufour", "Thériault", "Brisebois", "Larivière",
        "Des Rosiers", "Séguin", "Robichaud", "LeBlanc", "Cormier",
        "Arsenault", "Jean-Baptiste", "Pierre-Louis", "Saint-Fleur",
        "Duchesne", "Després", "Marchand", "Nadeau", "Giroux",
    ),
    adult_female=(
        "Isabelle", "Nathalie", "Julie", "Mélanie", "Karine", "Geneviève",
        "Valérie", "Annie", "Marie-Claude", "Josée", "Caroline", "Stéphanie",
        "Véronique", "Marie-Hélène", "Chantal", "Sylvie",
    ),
    adult_male=(
        "Martin", "Stéphane", "Patrick", "Sébastien", "Éric", "François",
        "Jean-Sébastien", "Mathieu", "Frédéric", "Luc", "Pierre-Luc",
        "Dominic", "Yannick", "Simon", "Jean-Philippe", "Benoît",
    ),
    french=0.92,
)
_ENGLISH = _Origin(
    weight=30,
    female=(
        "Emma", "Olivia", "Charlotte", "Amelia", "Sophie", "Hannah", "Abigail",
        "Chloe", "Madison", "Avery", "Brooke", "Mary-Kate", "Ella-Rose",
        "Zoey", "Isla", "Grace", "Lily", "Evelyn", "Claire", "Nora",
    ),
    male=(
        "Liam", "Noah", "Oliver", "Lucas", "Benjamin", "Ethan", "Owen",
        "Jack", "Logan", "Connor", "Ryan", "John-Paul", "Carter", "Declan",
        "Henry", "Caleb", "Finn", "Wyatt", "Isaac", "Eli",
    ),
    last=(
        "Smith", "Brown", "Wilson", "MacDonald", "Campbell", "Anderson",
        "Taylor", "Thompson", "Martin", "Murphy", "O'Neil", "O’Connor",
        "O'Brien", "O’Sullivan", "MacKenzie", "McLeod", "Fraser", "Stewart",
        "Robertson", "Young", "Van der Berg", "Van Dyk", "Hughes", "Reid",
        "Kelly", "Bennett", "Fitzgerald", "St. John", "Clarke", "Walsh",
        "MacIsaac", "Harrington", "Doyle", "Sinclair", "Whitfield",
    ),
    adult_female=(
        "Jennifer", "Sarah", "Jessica", "Amanda", "Melissa", "Laura",
        "Heather", "Rebecca", "Kathleen", "Megan", "Erin", "Christine",
    ),
    adult_male=(
        "Michael", "David", "Christopher", "Jason", "Matthew", "Andrew",
        "Kevin", "Brian", "Patrick", "Sean", "Jeffrey", "Graham",
    ),
    french=0.08,
)
_OTHER_ORIGINS = (
    _Origin(
        weight=3,
        female=("Thị Hà", "Ngọc Anh", "Thu Trang", "Mai Linh", "Bảo Châu"),
        male=("Văn Minh", "Đức Anh", "Quốc Bảo", "Minh Khôi", "Gia Huy"),
        last=("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ"),
        french=0.55,
    ),
    _Origin(
        weight=1,
        female=("Tereza", "Kateřina", "Zuzana", "Markéta"),
        male=("Jiří", "Tomáš", "Ondřej", "Vojtěch"),
        last=("Nováček", "Dvořák", "Černý", "Procházka", "Růžička"),
        french=0.3,
    ),
    _Origin(
        weight=1,
        female=("Ingrid", "Sigrid", "Åse", "Solveig"),
        male=("Søren", "Bjørn", "Håkon", "Øystein"),
        last=("Ødegård", "Bjørnstad", "Løvås", "Sæther", "Ågren"),
        french=0.2,
    ),
    _Origin(
        weight=3,
        female=("Sofía", "Lucía", "Ximena", "Inês", "Conceição", "Valentina"),
        male=("Matías", "José Luis", "João", "Nicolás", "Iñigo", "Sebastián"),
        last=(
            "Ñúñez", "González", "Muñoz", "de Souza", "dos Santos", "da Silva",
            "Pérez", "García-López", "Peña", "Álvarez",
        ),
        french=0.45,
    ),
    _Origin(
        weight=4,
        female=("Yasmine", "Rim", "Aya", "Mariam", "Lina", "Nour"),
        male=("Youssef", "Karim", "Omar", "Rayan", "Adam", "Ilyes"),
        last=(
            "Haddad", "El-Amrani", "Ben Salah", "Al-Khatib", "Abou-Rjeili",
            "Bouzid", "Khoury", "Benali",
        ),
        french=0.75,
    ),
    _Origin(
        weight=3,
        female=("Aminata", "Fatoumata", "Awa", "Mariama", "Kadiatou"),
        male=("Mamadou", "Ibrahima", "Moussa", "Souleymane", "Cheikh"),
        last=("Diallo", "Traoré", "Ndiaye", "Koné", "Diop", "Sow"),
        french=0.85,
    ),
    _Origin(
        weight=2,
        female=("Xinyi", "Mei", "Jiayi", "Yuting"),
        male=("Wei", "Hao", "Zihan", "Junjie"),
        last=("Chen", "Wang", "Li", "Zhang", "Liu", "Huang"),
        french=0.25,
    ),
    _Origin(
        weight=2,
        female=("Simran", "Harpreet", "Ananya", "Priya", "Navneet"),
        male=("Arjun", "Gurpreet", "Rohan", "Karan", "Jaskaran"),
        last=("Singh", "Kaur", "Sharma", "Patel", "Gill", "Sandhu"),
        french=0.15,
    ),
    _Origin(
        weight=1,
        female=("Olena", "Kateryna", "Agnieszka", "Małgorzata"),
        male=("Mykola", "Dmytro", "Łukasz", "Paweł"),
        last=("Kowalski", "Wiśniewski", "Shevchenko", "Kovalenko", "Zieliński"),
        french=0.35,
    ),
)
_ORIGINS = (_FRENCH, _ENGLISH, *_OTHER_ORIGINS)
_ORIGIN_WEIGHTS = tuple(origin.weight for origin in _ORIGINS)

# First names for non-binary students and those who did not say.
_NEUTRAL_FIRST = (
    "Camille", "Sacha", "Dominique", "Charlie", "Alex", "Noa", "Éden",
    "Jordan", "Riley", "Morgan", "Rowan", "Ariel", "Quinn", "Andréa",
)
# A few very long names, so that columns, printouts and exports are tried
# on names over 50 characters (the schema allows 100).
_LONG_LAST = (
    "Beauregard-Desrochers de la Montagne-Saint-Laurent-Villeneuve",
    "Papadopoulos-Wiśniewski-Fitzgerald van der Westhuizen-O’Sullivan",
    "Nguyễn-Tremblay de la Durantaye-Saint-Hilaire-Beauchemin",
)
_LONG_FIRST = ("Marie-Ève-Élisabeth-Joséphine", "Jean-François-Xavier-Olivier")

# Students whose names try every rule at once; placed first so that even a
# school of a dozen students has all of them. (first, last, gender)
_SHOWCASE: tuple[tuple[str, str, Gender], ...] = (
    ("Zoé", "O’Connor", Gender.FEMALE),
    ("Théo", "O'Neil", Gender.MALE),
    ("Marie-Ève", "Tremblay-Gagnon", Gender.FEMALE),
    ("Jean-François", "de la Fontaine", Gender.MALE),
    ("Sacha", "Van der Berg", Gender.NON_BINARY),
    ("Béatrice", "D’Amour", Gender.FEMALE),
    ("Gaël", "D'Amours", Gender.MALE),
    ("Thị Hà", "Nguyễn", Gender.FEMALE),
    ("Jiří", "Nováček", Gender.MALE),
    ("Ingrid", "Ødegård", Gender.FEMALE),
    ("Iñigo", "Ñúñez", Gender.MALE),
    ("Élodie", "St-Pierre", Gender.FEMALE),
    ("François", "de Souza", Gender.MALE),
    ("Marie-Ève-Élisabeth-Joséphine", _LONG_LAST[0], Gender.FEMALE),
    ("Camille", "Côté", Gender.UNSPECIFIED),
)

# ----------------------------------------------------------------------------
# Catalogues the students' plans pick from (an invented demo catalogue).

_CLUSTERS: tuple[tuple[str, str, str], ...] = (
    ("AGR", "Agriculture, alimentation et ressources naturelles",
     "Agriculture, Food and Natural Resources"),
    ("ARC", "Architecture et construction", "Architecture and Construction"),
    ("ART", "Arts, audiovisuel et communications",
     "Arts, A/V Technology and Communications"),
    ("BUS", "Gestion et administration", "Business Management and Administration"),
    ("EDU", "Éducation et formation", "Education and Training"),
    ("FIN", "Finance", "Finance"),
    ("GOV", "Administration publique", "Government and Public Administration"),
    ("HLT", "Sciences de la santé", "Health Science"),
    ("HOS", "Hôtellerie et tourisme", "Hospitality and Tourism"),
    ("HUM", "Services sociaux et communautaires", "Human Services"),
    ("ITS", "Technologies de l'information", "Information Technology"),
    ("LAW", "Droit et sécurité publique", "Law, Public Safety and Security"),
    ("MFG", "Fabrication", "Manufacturing"),
    ("MKT", "Marketing", "Marketing"),
    ("STM", "Sciences, technologie, génie et mathématiques",
     "Science, Technology, Engineering and Mathematics"),
    ("TRN", "Transport et logistique", "Transportation, Distribution and Logistics"),
)
# (code, cluster code, French title, English title)
_CAREERS: tuple[tuple[str, str, str, str], ...] = (
    ("C-AGR-01", "AGR", "Agronome", "Agronomist"),
    ("C-AGR-02", "AGR", "Technicienne ou technicien forestier", "Forestry technician"),
    ("C-ARC-01", "ARC", "Électricienne ou électricien", "Electrician"),
    ("C-ARC-02", "ARC", "Charpentier-menuisier", "Carpenter"),
    ("C-ARC-03", "ARC", "Architecte", "Architect"),
    ("C-ARC-04", "ARC", "Plombière ou plombier", "Plumber"),
    ("C-ART-01", "ART", "Graphiste", "Graphic designer"),
    ("C-ART-02", "ART", "Journaliste", "Journalist"),
    ("C-ART-03", "ART", "Musicienne ou musicien", "Musician"),
    ("C-BUS-01", "BUS", "Gestionnaire de projets", "Project manager"),
    ("C-BUS-02", "BUS", "Adjointe ou adjoint administratif",
     "Administrative assistant"),
    ("C-EDU-01", "EDU", "Enseignante ou enseignant au secondaire",
     "Secondary school teacher"),
    ("C-EDU-02", "EDU", "Éducatrice ou éducateur à la petite enfance",
     "Early childhood educator"),
    ("C-FIN-01", "FIN", "Comptable professionnel agréé",
     "Chartered professional accountant"),
    ("C-FIN-02", "FIN", "Conseillère ou conseiller financier", "Financial advisor"),
    ("C-GOV-01", "GOV", "Agente ou agent des politiques", "Policy analyst"),
    ("C-HLT-01", "HLT", "Infirmière ou infirmier autorisé", "Registered nurse"),
    ("C-HLT-02", "HLT", "Physiothérapeute", "Physiotherapist"),
    ("C-HLT-03", "HLT", "Hygiéniste dentaire", "Dental hygienist"),
    ("C-HLT-04", "HLT", "Paramédic", "Paramedic"),
    ("C-HLT-05", "HLT", "Médecin de famille", "Family physician"),
    ("C-HOS-01", "HOS", "Cuisinière ou cuisinier", "Cook"),
    ("C-HOS-02", "HOS", "Guide touristique", "Tour guide"),
    ("C-HUM-01", "HUM", "Travailleuse ou travailleur social", "Social worker"),
    ("C-HUM-02", "HUM", "Psychologue", "Psychologist"),
    ("C-ITS-01", "ITS", "Développeuse ou développeur de logiciels",
     "Software developer"),
    ("C-ITS-02", "ITS", "Analyste en cybersécurité", "Cybersecurity analyst"),
    ("C-ITS-03", "ITS", "Technicienne ou technicien en informatique",
     "Computer support technician"),
    ("C-LAW-01", "LAW", "Policière ou policier", "Police officer"),
    ("C-LAW-02", "LAW", "Avocate ou avocat", "Lawyer"),
    ("C-LAW-03", "LAW", "Pompière ou pompier", "Firefighter"),
    ("C-MFG-01", "MFG", "Machiniste", "Machinist"),
    ("C-MFG-02", "MFG", "Soudeuse ou soudeur", "Welder"),
    ("C-MKT-01", "MKT", "Spécialiste du marketing numérique",
     "Digital marketing specialist"),
    ("C-STM-01", "STM", "Ingénieure ou ingénieur civil", "Civil engineer"),
    ("C-STM-02", "STM", "Biologiste", "Biologist"),
    ("C-STM-03", "STM", "Technicienne ou technicien de laboratoire",
     "Laboratory technician"),
    ("C-STM-04", "STM", "Actuaire", "Actuary"),
    ("C-TRN-01", "TRN", "Mécanicienne ou mécanicien automobile",
     "Automotive service technician"),
    ("C-TRN-02", "TRN", "Pilote de ligne", "Airline pilot"),
    ("C-TRN-03", "TRN", "Camionneuse ou camionneur", "Truck driver"),
)
# (institution, program, program group) for schools and programs of interest.
_PROGRAMS: tuple[tuple[str, str, str], ...] = (
    ("Université d'Ottawa", "Sciences infirmières", "Santé"),
    ("Université d'Ottawa", "Génie civil", "Génie"),
    ("Université Laval", "Biologie", "Sciences"),
    ("Université de Montréal", "Psychologie", "Sciences sociales"),
    ("McGill University", "Computer Science", "Sciences"),
    ("University of Toronto", "Life Sciences", "Sciences"),
    ("Carleton University", "Journalism", "Arts and communication"),
    ("Queen's University", "Commerce", "Business"),
    ("Collège La Cité", "Techniques paramédicales", "Santé"),
    ("Collège Boréal", "Éducation en services à l'enfance", "Éducation"),
    ("Algonquin College", "Culinary Management", "Hospitality"),
    ("Algonquin College", "Police Foundations", "Public safety"),
    ("Cégep de l'Outaouais", "Techniques de l'informatique", "Informatique"),
    ("Cégep de Sainte-Foy", "Techniques d'hygiène dentaire", "Santé"),
    ("Université de Moncton", "Administration des affaires", "Administration"),
)
_APPRENTICESHIPS: tuple[tuple[str, str], ...] = (
    ("Électricienne ou électricien – construction", "Métiers de la construction"),
    ("Plumber", "Construction trades"),
    ("Automotive Service Technician", "Motive power trades"),
    ("Cuisinier ou cuisinière", "Métiers de service"),
    ("Welder", "Industrial trades"),
    ("Coiffeuse ou coiffeur", "Métiers de service"),
)
# Stored as codes: these are choices on the planning site, which the
# interface shows in its own language (SPEC F-03 only freezes typed text).
_EDUCATION_LEVELS = (
    "high_school", "apprenticeship", "college", "university", "graduate",
    "workplace", "undecided",
)
_EDUCATION_LEVEL_WEIGHTS = (4, 8, 28, 38, 6, 5, 11)
_PLANNING_ACTIVITIES = (
    "goal_setting", "budget_planner", "resume_builder", "job_search",
    "reflect_confirm", "course_plan_review", "high_school_plan",
    "interview_practice",
)
_LEARNING_STYLES = ("visual", "auditory", "tactile")
INTEREST_ASSESSMENT_NAME = "interest_39"
LEARNING_STYLE_ASSESSMENT_NAME = "learning_styles"
_OTHER_ASSESSMENTS = ("work_values", "skills_profile", "personality_style")

# (kind, French titles, English titles) of activities and experiences.
_EXPERIENCES: dict[ExperienceKind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    ExperienceKind.EXTRACURRICULAR: (
        ("Équipe de basketball", "Conseil des élèves", "Club de robotique",
         "Troupe de théâtre", "Journal étudiant", "Équipe d'improvisation"),
        ("Basketball team", "Student council", "Robotics club", "Drama club",
         "School newspaper", "Debate club"),
    ),
    ExperienceKind.HOBBY: (
        ("Dessin", "Guitare", "Jeux vidéo", "Randonnée", "Photographie",
         "Cuisine", "Lecture"),
        ("Drawing", "Guitar", "Video games", "Hiking", "Photography",
         "Cooking", "Reading"),
    ),
    ExperienceKind.VOLUNTEER: (
        ("Banque alimentaire", "Bibliothèque municipale", "Refuge pour animaux",
         "Résidence pour aînés", "Camp de jour"),
        ("Food bank", "Public library", "Animal shelter", "Seniors' residence",
         "Day camp"),
    ),
    ExperienceKind.WORK: (
        ("Caissière ou caissier à l'épicerie", "Gardiennage", "Moniteur de camp",
         "Plongeur au restaurant", "Tonte de pelouse"),
        ("Grocery cashier", "Babysitting", "Camp counsellor", "Dishwasher",
         "Lawn care"),
    ),
    ExperienceKind.AWARD: (
        ("Tableau d'honneur", "Prix d'excellence en sciences",
         "Certificat de secourisme", "Médaille d'athlétisme"),
        ("Honour roll", "Science fair award", "First aid certificate",
         "Track and field medal"),
    ),
}
_EXPERIENCE_KINDS = tuple(_EXPERIENCES)
_EXPERIENCE_WEIGHTS = (30, 30, 20, 12, 8)

# (code, French title, English title, grade, credits, subject)
_COURSES: tuple[tuple[str, str, str, int, str, str], ...] = (
    ("ENG1D", "Anglais", "English", 9, "1.00", "English"),
    ("FRA1D", "Français", "French", 9, "1.00", "French"),
    ("MTH1W", "Mathématiques", "Mathematics", 9, "1.00", "Mathematics"),
    ("SNC1W", "Sciences", "Science", 9, "1.00", "Science"),
    ("CGC1D", "Enjeux géographiques du Canada", "Issues in Canadian Geography",
     9, "1.00", "Canadian and World Studies"),
    ("PPL1O", "Vie active et santé", "Healthy Active Living", 9, "1.00",
     "Health and Physical Education"),
    ("AVI1O", "Arts visuels", "Visual Arts", 9, "1.00", "Arts"),
    ("TIJ1O", "Exploration de la technologie", "Exploring Technologies", 9,
     "1.00", "Technological Education"),
    ("ENG2D", "Anglais", "English", 10, "1.00", "English"),
    ("FRA2D", "Français", "French", 10, "1.00", "French"),
    ("MPM2D", "Principes de mathématiques", "Principles of Mathematics", 10,
     "1.00", "Mathematics"),
    ("SNC2D", "Sciences", "Science", 10, "1.00", "Science"),
    ("CHC2D", "Histoire du Canada depuis la Première Guerre mondiale",
     "Canadian History since World War I", 10, "1.00",
     "Canadian and World Studies"),
    ("CHV2O", "Civisme et citoyenneté", "Civics and Citizenship", 10, "0.50",
     "Canadian and World Studies"),
    ("GLC2O", "Exploration de carrière", "Career Studies", 10, "0.50",
     "Guidance and Career Education"),
    ("ICS2O", "Introduction au génie informatique",
     "Introduction to Computer Studies", 10, "1.00", "Computer Studies"),
    ("ENG3U", "Anglais", "English", 11, "1.00", "English"),
    ("FRA3U", "Français", "French", 11, "1.00", "French"),
    ("MCR3U", "Fonctions", "Functions", 11, "1.00", "Mathematics"),
    ("SBI3U", "Biologie", "Biology", 11, "1.00", "Science"),
    ("SCH3U", "Chimie", "Chemistry", 11, "1.00", "Science"),
    ("SPH3U", "Physique", "Physics", 11, "1.00", "Science"),
    ("BAF3M", "Comptabilité financière", "Financial Accounting Fundamentals",
     11, "1.00", "Business Studies"),
    ("ICS3U", "Introduction au génie informatique",
     "Introduction to Computer Science", 11, "1.00", "Computer Studies"),
    ("ENG4U", "Anglais", "English", 12, "1.00", "English"),
    ("FRA4U", "Français", "French", 12, "1.00", "French"),
    ("MHF4U", "Fonctions avancées", "Advanced Functions", 12, "1.00",
     "Mathematics"),
    ("MCV4U", "Calcul et vecteurs", "Calculus and Vectors", 12, "1.00",
     "Mathematics"),
    ("MDM4U", "Mathématiques de la gestion des données",
     "Mathematics of Data Management", 12, "1.00", "Mathematics"),
    ("SBI4U", "Biologie", "Biology", 12, "1.00", "Science"),
    ("SCH4U", "Chimie", "Chemistry", 12, "1.00", "Science"),
    ("SPH4U", "Physique", "Physics", 12, "1.00", "Science"),
    ("CGW4U", "Enjeux mondiaux : une analyse géographique",
     "World Issues: A Geographic Analysis", 12, "1.00",
     "Canadian and World Studies"),
    ("BOH4M", "Leadership et gestion d'entreprise",
     "Business Leadership", 12, "1.00", "Business Studies"),
    ("ICS4U", "Génie informatique", "Computer Science", 12, "1.00",
     "Computer Studies"),
)
_PREREQUISITES: tuple[tuple[str, str], ...] = (
    ("ENG2D", "ENG1D"), ("ENG3U", "ENG2D"), ("ENG4U", "ENG3U"),
    ("FRA2D", "FRA1D"), ("FRA3U", "FRA2D"), ("FRA4U", "FRA3U"),
    ("MPM2D", "MTH1W"), ("MCR3U", "MPM2D"), ("MHF4U", "MCR3U"),
    ("MCV4U", "MHF4U"), ("MDM4U", "MCR3U"), ("SNC2D", "SNC1W"),
    ("SBI3U", "SNC2D"), ("SCH3U", "SNC2D"), ("SPH3U", "SNC2D"),
    ("SBI4U", "SBI3U"), ("SCH4U", "SCH3U"), ("SPH4U", "SPH3U"),
    ("ICS3U", "ICS2O"), ("ICS4U", "ICS3U"),
)
# Criterion names as services/readiness.py counts them; (criterion, threshold).
_READINESS: dict[int, tuple[tuple[str, int], ...]] = {
    7: (("interest_assessment", 1),),
    8: (("interest_assessment", 1), ("careers_saved", 3)),
    9: (("interest_assessment", 1), ("careers_saved", 3), ("course_plan", 1),
        ("annual_review", 1)),
    10: (("interest_assessment", 1), ("careers_saved", 3), ("clusters_saved", 1),
         ("course_plan", 1), ("annual_review", 1)),
    11: (("interest_assessment", 1), ("careers_saved", 3), ("course_plan", 1),
         ("annual_review", 1), ("reflect_confirm", 1)),
    12: (("interest_assessment", 1), ("careers_saved", 5), ("course_plan", 1),
         ("annual_review", 1), ("reflect_confirm", 1)),
}
_SETTINGS: tuple[tuple[str, Any], ...] = (
    ("plan_creation_mode", "student"),
    ("allow_create_plan", True),
    ("allow_password_change", True),
    ("allow_grade_change", False),
    ("show_counsellor_email", True),
    ("signature_lines", {"student": True, "parent": True, "counsellor": True}),
    ("allow_invite_parents", True),
    ("annual_review_grades", [9, 10, 11, 12]),
    ("education_level_question", True),
    ("employment_section", True),
    ("job_search_tool", True),
    ("encrypted_transfer_required", True),
    ("cluster_system_primary", "career_clusters_16"),
    ("cluster_system_secondary", None),
)
_TOPICS: tuple[tuple[str, str], ...] = (
    ("Choix de cours", "Course selection"),
    ("Orientation postsecondaire", "Post-secondary planning"),
    ("Exploration de carrières", "Career exploration"),
    ("Bourses et aide financière", "Scholarships and financial aid"),
    ("Demandes d'admission", "Applications"),
    ("Révision annuelle du plan", "Annual plan review"),
    ("Réussite scolaire", "Academic success"),
    ("Bien-être", "Well-being"),
    ("Éducation coopérative", "Co-op and work placement"),
    ("Transition au secondaire", "Transition to secondary school"),
)
# Per topic: (French subject, English subject), parallel to _TOPICS.
_LOG_SUBJECTS: tuple[tuple[str, str], ...] = (
    ("Changement de cours de mathématiques", "Switching math courses"),
    ("Programmes collégiaux et universitaires", "College and university programs"),
    ("Résultats de l'évaluation des intérêts", "Interest assessment results"),
    ("Dates limites des bourses", "Scholarship deadlines"),
    ("Demande d'admission en ligne", "Online application"),
    ("Révision annuelle", "Annual review"),
    ("Plan de réussite", "Success plan"),
    ("Rencontre de suivi", "Check-in"),
    ("Recherche d'un stage", "Finding a placement"),
    ("Accueil en 7e année", "Grade 7 welcome"),
)
_LOG_DESCRIPTIONS: tuple[tuple[str, ...], tuple[str, ...]] = (
    (
        "Rencontre individuelle; l'élève a posé de bonnes questions.",
        "Discussion des options; suivi prévu le mois prochain.",
        "Nous avons revu le plan ensemble et mis à jour les objectifs.",
        "L'élève va en parler à ses parents avant de décider.",
    ),
    (
        "One-on-one meeting; the student came with good questions.",
        "Went over the options; follow-up planned next month.",
        "Reviewed the plan together and updated the goals.",
        "Will talk it over at home before deciding.",
    ),
)
_NOTES: tuple[tuple[str, ...], tuple[str, ...]] = (
    (
        "Rencontre de suivi : envisage de changer de cours de mathématiques.",
        "Appel d'un parent au sujet des options postsecondaires.",
        "A demandé des renseignements sur les bourses.",
        "Intéressé·e par le programme d'apprentissage en électricité.",
        "A terminé l'évaluation des intérêts; résultats discutés.",
        "À revoir après la réunion de l'équipe-école.",
    ),
    (
        "Follow-up: considering a switch to applied math.",
        "Parent called about post-secondary options.",
        "Asked about scholarship deadlines.",
        "Interested in the co-op program next semester.",
        "Completed the interest assessment; discussed the results.",
        "Check in again after the team meeting.",
    ),
)
_JOURNAL: tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = (
    (
        ("Mes objectifs pour cette année", "Je veux améliorer mes notes en sciences."),
        ("Réflexion sur mes intérêts", "Les résultats m'ont surpris : j'aime aider."),
        ("Mon stage", "J'ai appris beaucoup sur le travail en équipe."),
        ("Après la journée carrières", "Le kiosque sur la santé m'a intéressé·e."),
    ),
    (
        ("My goals for this year", "I want to bring my science mark up."),
        ("Thinking about my interests", "The results surprised me: I like helping."),
        ("My placement", "I learned a lot about working in a team."),
        ("After career day", "The health care booth was the most interesting."),
    ),
)
_PARENT_COMMENTS = (
    "Merci pour le suivi, nous en discuterons à la maison.",
    "Pouvons-nous prendre rendez-vous pour parler des programmes universitaires?",
    "Thank you for the update on the course plan.",
    "Could we meet to talk about college programs?",
    "Notre fille aimerait en savoir plus sur l'éducation coopérative.",
)
_CLUSTER_COMMENTS = (
    "J'aime aider les gens.",
    "Je suis bon en mathématiques.",
    "I like building things.",
    "I want to work outdoors.",
    "",
    "",
)
# (kind, name) of the student groups; more groups reuse the names, numbered.
_GROUP_NAMES: dict[GroupKind, tuple[str, ...]] = {
    GroupKind.MANAGED: (
        "Programme du baccalauréat international", "Immersion française",
        "Sports-études", "Majeure Haute Spécialisation – Santé",
        "Éducation coopérative", "Specialist High Skills Major – ICT",
        "Advanced Placement",
    ),
    GroupKind.SHARED: (
        "Club de robotique", "Conseil des élèves", "Mentorat 12e année",
        "Grade 12 – university applicants", "Transition 9e année",
        "Environment club", "Parlement jeunesse",
    ),
    GroupKind.PRIVATE: (
        "Suivi hebdomadaire", "À rappeler", "My check-ins",
        "Students to follow up", "Bourses – candidats potentiels",
        "Stage à trouver",
    ),
}
_MESSAGES: tuple[tuple[str, str], ...] = (
    ("Date limite des choix de cours",
     "Les choix de cours pour l'an prochain doivent être faits d'ici vendredi."),
    ("Course selection deadline",
     "Please finish next year's course selection in your plan by Friday."),
    ("Soirée d'information sur les bourses",
     "Une soirée d'information sur les bourses aura lieu à la bibliothèque."),
    ("Scholarship information night",
     "Join us in the library for the scholarship information night."),
    ("Rappel : révision annuelle",
     "Pensez à mettre votre plan à jour avant votre rencontre de révision."),
    ("Reminder: annual plan review",
     "Please update your plan before your annual review meeting."),
)
_GROUP_ENTRIES: tuple[tuple[int, int | None, str, str], ...] = (
    # (topic index, grade it is for or None for a group, subject, description)
    (4, 12, "Atelier : demandes d'admission au collège",
     "Présentation en groupe du processus de demande et des dates limites."),
    (0, 9, "Course selection workshop",
     "Group session on graduation requirements and next year's courses."),
    (2, None, "Journée carrières",
     "Visite des kiosques et discussion des métiers découverts."),
    (9, 7, "Grade 7 orientation",
     "Tour of the planning site and first steps in My Plan."),
)
_SPECIAL_CONTACTS: tuple[tuple[str, str], ...] = (
    ("Service d'orientation", "Cégep des Deux-Rivières (démo)"),
    ("Admissions Office", "Lakeshore University (demo)"),
    ("Placement Office", "Riverside Employers Network (demo)"),
    ("Comité des bourses", "Fondation Érable d'or (démo)"),
)
_SCHOOLS: tuple[tuple[str, str, str], ...] = (
    # (name, code, planning site)
    ("École secondaire des Érables", "DEMO-ERA", "https://plan.erables.example.org"),
    ("École secondaire du Ruisseau", "DEMO-RUI", "https://plan.ruisseau.example.org"),
    ("Lakeview Heights Secondary School", "DEMO-LVH", "https://plan.lakeview.example.org"),
)
_BOARD_NAME = "Conseil scolaire des Deux-Rivières (démo)"
# fmt: on
# Letters and digits that cannot be misread on a printed parent letter.
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


# ----------------------------------------------------------------------------
# Deterministic ids and times.


class _Ids:
    """UUIDv7-shaped ids from a fixed base time, a counter and seeded bits.

    The counter makes ids strictly increasing, as real UUIDv7s made in one
    session are, which also keeps SQLite's primary key inserts append-only.
    """

    def __init__(self, rng: random.Random, base: dt.datetime) -> None:
        self._bits = rng.getrandbits
        self._base_ms = int(base.timestamp() * 1000)
        self._count = 0

    def __call__(self) -> uuid.UUID:
        count = self._count
        self._count = count + 1
        millis = self._base_ms + (count >> 12)
        value = (
            (millis << 80)
            | (0x7 << 76)
            | ((count & 0xFFF) << 64)
            | (0b10 << 62)
            | self._bits(62)
        )
        return uuid.UUID(int=value)


def _ascii(text: str, cache: dict[str, str]) -> str:
    """Lower-case ASCII letters of a name, for usernames and email addresses."""
    found = cache.get(text)
    if found is None:
        found = "".join(ch for ch in fold(text) if "a" <= ch <= "z")
        cache[text] = found
    return found


def _record(row_id: uuid.UUID, at: dt.datetime) -> dict[str, Any]:
    """The bookkeeping columns every bulk-inserted row fills explicitly."""
    return {"id": row_id, "created_at": at, "updated_at": at, "version": 1}


@dataclass
class _StudentInfo:
    """What the school-wide pass needs to know about each student."""

    ids: list[uuid.UUID] = field(default_factory=list)
    counsellor: list[int] = field(default_factory=list)
    teacher: list[int] = field(default_factory=list)
    by_grade: dict[int, list[int]] = field(default_factory=dict)


@dataclass
class _StaffMember:
    id: uuid.UUID
    french: bool
    caseload: list[int] = field(default_factory=list)


class _Generator:
    """Builds the rows of the demo school and inserts them chunk by chunk."""

    # Insert order: every table after the tables its foreign keys point to.
    ORDER: tuple[type[Record], ...] = (
        Board, School, SchoolSetting, UsageAgreement, Staff, CounsellingTopic,
        Course, CoursePrerequisite, ReadinessRequirement, SpecialContact,
        Student, Parent, ParentLink, ActivationCode, ParentComment,
        CaseloadAssignment, StudentGroup, GroupMembership, CustomLink,
        Assignment, AssignmentSubmission, PlanInvitation, LoginEvent, Note,
        CounsellingGroupEntry, CounsellingLogEntry, AnnualReview, Message,
        MessageRecipient, AssessmentResult, AssessmentSuggestion,
        CareerInterest, ClusterInterest, EducationInterest, PostSecondaryPlan,
        PlanningActivity, Experience, JournalEntry, CoursePlanEntry,
    )  # fmt: skip

    def __init__(self, students: int, seed: int) -> None:
        self.total = students
        self.rng = random.Random(seed)
        self.new_id = _Ids(self.rng, ID_BASE_TIME)
        self.rows: dict[type[Record], list[dict[str, Any]]] = {
            model: [] for model in self.ORDER
        }
        self.counts: dict[type[Record], int] = dict.fromkeys(self.ORDER, 0)
        self.ascii_cache: dict[str, str] = {}
        self.taken_usernames: set[str] = set()
        self.next_suffix: dict[str, int] = {}
        self.taken_codes: set[str] = set()
        self.info = _StudentInfo()
        self.staff: list[_StaffMember] = []
        self.counsellors: list[int] = []
        self.teachers: list[int] = []
        self.other_staff: list[int] = []
        self.program_admins: list[int] = []
        self.topic_ids: list[uuid.UUID] = []
        self.courses_by_grade: dict[int, list[tuple[uuid.UUID, str]]] = {}
        self.special_contact_ids: list[uuid.UUID] = []
        self.student_numbers = self.rng.sample(
            range(100_000_000, 999_999_999), students
        )
        self.school_id = uuid.UUID(int=0)

    # -- helpers --------------------------------------------------------------

    def add(self, model: type[Record], row: dict[str, Any]) -> None:
        self.rows[model].append(row)

    def at_days_ago(self, low: float, high: float) -> dt.datetime:
        """A second between ``high`` and ``low`` days before REFERENCE_NOW."""
        seconds = self.rng.randint(int(low * 86400), int(high * 86400))
        return REFERENCE_NOW - dt.timedelta(seconds=seconds)

    def between(self, start: dt.datetime, end: dt.datetime) -> dt.datetime:
        span = max(0, int((end - start).total_seconds()))
        return start + dt.timedelta(seconds=self.rng.randint(0, span))

    def unique_username(self, base: str) -> str:
        """``base``, or ``base`` with the smallest free number, case-insensitively."""
        key = base.casefold()
        if key not in self.taken_usernames:
            self.taken_usernames.add(key)
            return base
        number = self.next_suffix.get(key, 2)
        while f"{key}{number}" in self.taken_usernames:
            number += 1
        self.next_suffix[key] = number + 1
        self.taken_usernames.add(f"{key}{number}")
        return f"{base}{number}"

    def activation_code(self) -> str:
        while True:
            letters = "".join(self.rng.choices(_CODE_ALPHABET, k=12))
            code = f"{letters[:4]}-{letters[4:8]}-{letters[8:]}"
            if code not in self.taken_codes:
                self.taken_codes.add(code)
                return code

    def flush(self, session: Session) -> None:
        for model in self.ORDER:
            rows = self.rows[model]
            if not rows:
                continue
            # render_nulls keeps None columns in every row's INSERT, so all rows
            # share one column set and go to SQLite in one executemany instead
            # of being split wherever a different column happens to be None.
            statement = insert(model).execution_options(render_nulls=True)
            for start in range(0, len(rows), _INSERT_BATCH):
                session.execute(statement, rows[start : start + _INSERT_BATCH])
            self.counts[model] += len(rows)
            self.rows[model] = []

    # -- the board, its schools and the school-wide lists ----------------------

    def make_board(self) -> None:
        created = dt.datetime(2026, 6, 15, 13, 0, tzinfo=dt.UTC)
        board_id = self.new_id()
        self.add(Board, {**_record(board_id, created), "name": _BOARD_NAME})
        school_ids: list[uuid.UUID] = []
        for name, code, url in _SCHOOLS:
            school_id = self.new_id()
            # Only the demo school (the first) has staff, so a site account.
            site_username, site_password = (
                DEMO_SITE_ACCOUNT if not school_ids else (None, None)
            )
            school_ids.append(school_id)
            self.add(
                School,
                {
                    **_record(school_id, created),
                    "board_id": board_id,
                    "name": name,
                    "code": code,
                    "time_zone": "America/Toronto",
                    "is_elementary": False,
                    "planning_site_url": url,
                    "site_username": site_username,
                    "site_password_hash": None
                    if site_password is None
                    else _demo_hash("site", site_password),
                },
            )
        self.school_id = school_ids[0]
        for key, value in _SETTINGS:
            self.add(
                SchoolSetting,
                {
                    **_record(self.new_id(), created),
                    "school_id": self.school_id,
                    "key": key,
                    "value": value,
                },
            )
        # The school that receives transfers runs school-directed plans (F-10).
        self.add(
            SchoolSetting,
            {
                **_record(self.new_id(), created),
                "school_id": school_ids[1],
                "key": "plan_creation_mode",
                "value": "school",
            },
        )
        self.add(
            UsageAgreement,
            {
                **_record(self.new_id(), created),
                "edition": AGREEMENT_EDITION,
                "text_fr": (
                    "En utilisant cet outil, je m'engage à protéger les "
                    "renseignements personnels des élèves et à ne les consulter "
                    "que pour mon travail auprès d'eux."
                ),
                "text_en": (
                    "By using this tool, I agree to protect students' personal "
                    "information and to consult it only for my work with them."
                ),
                "published_on": dt.date(2026, 8, 15),
            },
        )
        for label_fr, label_en in _TOPICS:
            topic_id = self.new_id()
            self.topic_ids.append(topic_id)
            self.add(
                CounsellingTopic,
                {
                    **_record(topic_id, created),
                    "school_id": self.school_id,
                    "label_fr": label_fr,
                    "label_en": label_en,
                },
            )
        self.make_courses(created)
        for grade, requirements in _READINESS.items():
            for criterion, threshold in requirements:
                self.add(
                    ReadinessRequirement,
                    {
                        **_record(self.new_id(), created),
                        "school_id": self.school_id,
                        "grade": grade,
                        "criterion": criterion,
                        "threshold": threshold,
                    },
                )
        for index, (name, organization) in enumerate(_SPECIAL_CONTACTS):
            contact_id = self.new_id()
            self.special_contact_ids.append(contact_id)
            self.add(
                SpecialContact,
                {
                    **_record(contact_id, created),
                    "school_id": self.school_id,
                    "name": name,
                    "organization": organization,
                    "email": f"contact{index + 1}@partenaires.example.org",
                },
            )

    def make_courses(self, created: dt.datetime) -> None:
        ids: dict[str, uuid.UUID] = {}
        for code, title_fr, title_en, grade, credits, subject in _COURSES:
            course_id = self.new_id()
            ids[code] = course_id
            self.courses_by_grade.setdefault(grade, []).append((course_id, code))
            self.add(
                Course,
                {
                    **_record(course_id, created),
                    "school_id": self.school_id,
                    "code": code,
                    "title_fr": title_fr,
                    "title_en": title_en,
                    "grade": grade,
                    "credits": Decimal(credits),
                    "subject": subject,
                },
            )
        for course, prerequisite in _PREREQUISITES:
            self.add(
                CoursePrerequisite,
                {
                    **_record(link_id(ids[course], ids[prerequisite]), created),
                    "course_id": ids[course],
                    "prerequisite_id": ids[prerequisite],
                },
            )

    # -- staff -----------------------------------------------------------------

    def make_staff(self) -> None:
        """The demo accounts, then about one staff member per 40 students."""
        rng = self.rng
        total = max(6, round(self.total / 40))
        extras = total - len(DEMO_ACCOUNTS)
        extra_admins = 1 if total >= 10 else 0
        extra_counsellors = min(
            extras - extra_admins, max(1, math.ceil(self.total / 250) - 1)
        )
        remaining = extras - extra_admins - extra_counsellors
        extra_other = remaining // 10
        levels = [level for _, level in DEMO_ACCOUNTS]
        levels += [AccessLevel.PROGRAM_ADMIN] * extra_admins
        levels += [AccessLevel.SCHOOL_ADMIN] * extra_counsellors
        levels += [AccessLevel.TEACHER] * (remaining - extra_other)
        levels += [AccessLevel.OTHER_STAFF] * extra_other

        for index, level in enumerate(levels):
            staff_id = self.new_id()
            created = self.at_days_ago(400, 1500)
            if index < len(DEMO_ACCOUNTS):
                username = DEMO_ACCOUNTS[index][0]
                first, last, language = _DEMO_ACCOUNT_PEOPLE[username]
                self.taken_usernames.add(username.casefold())
                accepted_edition: str | None = None
                accepted_at: dt.datetime | None = None
                last_sign_in: dt.datetime | None = None
                password_hash: str | None = _demo_hash(
                    f"staff/{username}", demo_password(username)
                )
            else:
                origin = rng.choices(_ORIGINS, _ORIGIN_WEIGHTS)[0]
                pool = rng.choice(
                    (
                        origin.adult_female or origin.female,
                        origin.adult_male or origin.male,
                    )
                )
                first = rng.choice(pool)
                last = rng.choice(origin.last)
                language = (
                    Language.FRENCH
                    if rng.random() < origin.french
                    else Language.ENGLISH
                )
                base = _ascii(first, self.ascii_cache)[:1] + (
                    _ascii(last, self.ascii_cache)[:20] or "staff"
                )
                username = self.unique_username(base)
                accepted_edition = AGREEMENT_EDITION
                accepted_at = self.at_days_ago(30, 85)
                last_sign_in = self.at_days_ago(0, 25)
                password_hash = None
            # Demo accounts have not accepted the agreement, so that the first
            # sign-in shows it as a new user would see it (F-01).
            member = _StaffMember(staff_id, language is Language.FRENCH)
            self.staff.append(member)
            {
                AccessLevel.PROGRAM_ADMIN: self.program_admins,
                AccessLevel.SCHOOL_ADMIN: self.counsellors,
                AccessLevel.TEACHER: self.teachers,
                AccessLevel.OTHER_STAFF: self.other_staff,
            }[level].append(index)
            self.add(
                Staff,
                {
                    **_record(staff_id, created),
                    "school_id": self.school_id,
                    "username": username,
                    "username_key": username.casefold(),
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username.casefold()}@{STAFF_EMAIL_DOMAIN}",
                    "access_level": level,
                    "preferred_language": language,
                    "password_hash": password_hash,
                    "must_change_password": False,
                    "is_active": True,
                    "failed_sign_ins": 0,
                    "last_failed_sign_in_at": None,
                    "locked_until": None,
                    "agreement_edition": accepted_edition,
                    "agreement_accepted_at": accepted_at,
                    "last_sign_in_at": last_sign_in,
                },
            )
        # The principal ("direction") is a school administrator without a
        # caseload: every counsellor-level caseload belongs to a counsellor.
        direction = next(
            i for i, (name, _) in enumerate(DEMO_ACCOUNTS) if name == "direction"
        )
        self.counsellors.remove(direction)

    # -- students, family by family ------------------------------------------

    def make_students(self, session: Session, report: Callable[[int], None]) -> None:
        showcase = list(_SHOWCASE)
        made = 0
        while made < self.total:
            made += self.make_family(showcase.pop(0) if showcase else None)
            if len(self.info.ids) - self.counts[Student] >= _CHUNK_STUDENTS:
                self.flush(session)
                report(len(self.info.ids))
        self.flush(session)
        report(len(self.info.ids))

    def make_family(self, showcase: tuple[str, str, Gender] | None) -> int:
        """One to three siblings sharing their parents' rows; returns how many."""
        rng = self.rng
        origin = rng.choices(_ORIGINS, _ORIGIN_WEIGHTS)[0]
        french = rng.random() < origin.french
        family_last = rng.choice(origin.last)
        if rng.random() < 0.0005:
            family_last = rng.choice(_LONG_LAST)
        if showcase is not None:
            family_last = showcase[1]

        parents: list[tuple[uuid.UUID, str]] = []
        first_parent_female = rng.random() < 0.6
        for number in range(1 if rng.random() < 0.4 else 2):
            female = first_parent_female if number == 0 else not first_parent_female
            if number == 0:
                last = family_last
            else:
                other = origin if rng.random() < 0.8 else rng.choice(_ORIGINS[:2])
                last = rng.choice(other.last)
            pool = (
                (origin.adult_female or origin.female)
                if female
                else (origin.adult_male or origin.male)
            )
            parents.append((self.make_parent(rng.choice(pool), last, french), last))

        children_last = family_last
        if (
            len(parents) == 2
            and parents[1][1] != family_last
            and len(family_last) < 20
            and rng.random() < 0.15
        ):
            # Quebec-style double-barrelled name taken from both parents.
            children_last = f"{family_last}-{parents[1][1]}"

        roll = rng.random()
        children = 1 if roll < 0.84 else 2 if roll < 0.97 else 3
        children = min(children, self.total - len(self.info.ids))
        for _ in range(children):
            if showcase is not None:
                first, last, gender = showcase
                showcase = None
            else:
                gender = self.pick_gender()
                first = self.pick_first(origin, gender)
                last = children_last
            self.make_student(first, last, gender, french, parents)
        return children

    def pick_gender(self) -> Gender:
        roll = self.rng.random()
        if roll < 0.485:
            return Gender.FEMALE
        if roll < 0.97:
            return Gender.MALE
        if roll < 0.99:
            return Gender.NON_BINARY
        return Gender.UNSPECIFIED

    def pick_first(self, origin: _Origin, gender: Gender) -> str:
        rng = self.rng
        if rng.random() < 0.0005:
            return rng.choice(_LONG_FIRST)
        if gender in (Gender.NON_BINARY, Gender.UNSPECIFIED) and rng.random() < 0.6:
            return rng.choice(_NEUTRAL_FIRST)
        if origin not in (_FRENCH, _ENGLISH) and rng.random() < 0.15:
            # Second-generation families often pick a French or English name.
            origin = _FRENCH if rng.random() < 0.6 else _ENGLISH
        female = gender is Gender.FEMALE or (
            gender is not Gender.MALE and rng.random() < 0.5
        )
        return rng.choice(origin.female if female else origin.male)

    def make_parent(self, first: str, last: str, french: bool) -> uuid.UUID:
        rng = self.rng
        parent_id = self.new_id()
        number = self.counts[Parent] + len(self.rows[Parent]) + 1
        active = rng.random() < 0.4
        email = None
        if rng.random() < 0.85:
            local = (
                f"{_ascii(first, self.ascii_cache)}.{_ascii(last, self.ascii_cache)}"
            )
            email = f"{local}{rng.randint(1, 99)}@{rng.choice(PARENT_EMAIL_DOMAINS)}"
        area = rng.choice((613, 819, 514, 416, 705, 343))
        self.add(
            Parent,
            {
                **_record(parent_id, self.at_days_ago(90, 1200)),
                "school_id": self.school_id,
                # Unique, as roster imports match parents on it.
                "source_id": f"P{number:07d}",
                "first_name": first,
                "last_name": last,
                "email": email,
                # 555-0100 to 555-0199 are reserved for fiction.
                "phone": f"{area}-555-01{rng.randint(0, 99):02d}",
                "preferred_language": Language.FRENCH if french else Language.ENGLISH,
                "account_active": active,
                "last_sign_in_at": self.at_days_ago(0, 120) if active else None,
            },
        )
        return parent_id

    def make_student(
        self,
        first: str,
        last: str,
        gender: Gender,
        family_french: bool,
        parents: Sequence[tuple[uuid.UUID, str]],
    ) -> None:
        rng = self.rng
        info = self.info
        index = len(info.ids)
        student_id = self.new_id()
        grade = rng.choice(DEMO_GRADES)
        # Grade 7 in 2026-2027 means born in 2014; a few are a year older.
        birth_year = SCHOOL_YEAR - grade - 5 - (1 if rng.random() < 0.03 else 0)
        birth_date = dt.date(birth_year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        # Students joined the plan when they started grade 7, or later if new.
        entry_grade = grade if rng.random() < 0.1 else 7
        entry_year = SCHOOL_YEAR - (grade - entry_grade)
        plan_created = dt.datetime(
            entry_year, 9, 2, 13, 0, tzinfo=dt.UTC
        ) + dt.timedelta(seconds=rng.randrange(80 * 86400))
        french = family_french if rng.random() < 0.9 else not family_french
        status = PlanStatus.INACTIVE if rng.random() < 0.03 else PlanStatus.ACTIVE
        status_changed = (
            self.between(plan_created, REFERENCE_NOW)
            if status is PlanStatus.INACTIVE
            else None
        )

        first_ascii = _ascii(first, self.ascii_cache)[:15] or "eleve"
        last_ascii = _ascii(last, self.ascii_cache)[:20] or "eleve"
        base = f"{first_ascii}.{last_ascii}"
        if rng.random() < 0.05:
            # Some school systems hand out capitalized usernames.
            base = f"{first_ascii.capitalize()}.{last_ascii.capitalize()}"
        username = self.unique_username(base)
        key = username.casefold()

        info.ids.append(student_id)
        info.by_grade.setdefault(grade, []).append(index)
        self.add(
            Student,
            {
                **_record(student_id, plan_created),
                "updated_at": status_changed or plan_created,
                "school_id": self.school_id,
                "student_number": str(self.student_numbers[index]),
                "source_id": f"SIS-{self.student_numbers[index]}",
                "username": username,
                "username_key": key,
                "first_name": first,
                "last_name": last,
                "sort_key": name_sort_key(last, first),
                "search_text": fold(f"{first} {last} {username}"),
                "grade": grade,
                "gender": gender,
                "birth_date": birth_date,
                "expected_graduation": dt.date(SCHOOL_YEAR + 13 - grade, 6, 30),
                "email": f"{key}@{STUDENT_EMAIL_DOMAIN}"
                if rng.random() < 0.65
                else None,
                "preferred_language": Language.FRENCH if french else Language.ENGLISH,
                "plan_status": status,
                "plan_created_at": plan_created,
                "plan_status_changed_at": status_changed,
                "invite_others_allowed": rng.random() < 0.95,
                "password_hash": None,
                "transferred_to_school_id": None,
                "transferred_at": None,
            },
        )
        for parent_id, _ in parents:
            self.add(
                ParentLink,
                {
                    **_record(link_id(parent_id, student_id), plan_created),
                    "parent_id": parent_id,
                    "student_id": student_id,
                    "relationship": "guardian" if rng.random() < 0.04 else "parent",
                },
            )
        self.make_caseload(index, student_id, plan_created)
        self.make_parent_access(student_id, parents)
        self.make_activity(index, student_id, grade, french, status, plan_created)
        self.make_plan(student_id, grade, french, plan_created)

    def make_caseload(self, index: int, student_id: uuid.UUID, at: dt.datetime) -> None:
        rng = self.rng
        # Round robin over counsellors; student 0 goes to "conseiller" (the
        # first counsellor) and to "enseignant" so that both demo accounts
        # always have a caseload.
        counsellor = self.counsellors[index % len(self.counsellors)]
        teacher = -1
        if index == 0 or rng.random() < 0.5:
            teacher = self.teachers[0] if index == 0 else rng.choice(self.teachers)
        assigned = [counsellor]
        if teacher >= 0:
            assigned.append(teacher)
        if index == 0 or rng.random() < 0.08:
            assigned.append(
                self.other_staff[0] if index == 0 else rng.choice(self.other_staff)
            )
        self.info.counsellor.append(counsellor)
        self.info.teacher.append(teacher)
        for staff_index in assigned:
            member = self.staff[staff_index]
            member.caseload.append(index)
            self.add(
                CaseloadAssignment,
                {
                    **_record(link_id(member.id, student_id), at),
                    "staff_id": member.id,
                    "student_id": student_id,
                },
            )

    def make_parent_access(
        self, student_id: uuid.UUID, parents: Sequence[tuple[uuid.UUID, str]]
    ) -> None:
        rng = self.rng
        if rng.random() < 0.03:
            created = self.at_days_ago(5, 200)
            used = rng.random() < 0.5
            self.add(
                ActivationCode,
                {
                    **_record(self.new_id(), created),
                    "student_id": student_id,
                    "parent_id": parents[0][0] if used else None,
                    "code": self.activation_code(),
                    "expires_at": created + dt.timedelta(days=30),
                    "used_at": created + dt.timedelta(days=rng.randint(1, 20))
                    if used
                    else None,
                },
            )
        if rng.random() < 0.03:
            written = self.at_days_ago(0, 90)
            self.add(
                ParentComment,
                {
                    **_record(self.new_id(), written),
                    "parent_id": rng.choice(parents)[0],
                    "student_id": student_id,
                    "body": rng.choice(_PARENT_COMMENTS),
                    "written_at": written,
                },
            )
        if rng.random() < 0.015:
            invited = self.at_days_ago(0, 200)
            contact = rng.random() < 0.5
            self.add(
                PlanInvitation,
                {
                    **_record(self.new_id(), invited),
                    "student_id": student_id,
                    "invitee_name": (
                        _SPECIAL_CONTACTS[0][0] if contact else "Mentor (demo)"
                    ),
                    "invitee_email": None if contact else "mentor@example.org",
                    "special_contact_id": rng.choice(self.special_contact_ids)
                    if contact
                    else None,
                },
            )

    def make_activity(
        self,
        index: int,
        student_id: uuid.UUID,
        grade: int,
        french: bool,
        status: PlanStatus,
        plan_created: dt.datetime,
    ) -> None:
        """Logins, notes, counselling log, reviews and journal of one student."""
        rng = self.rng
        since = max(plan_created, REFERENCE_NOW - dt.timedelta(days=365))
        logins = rng.choice((0, 1, 1, 2, 2, 3, 3, 4, 5))
        if status is PlanStatus.INACTIVE:
            logins //= 3
        for occurred in sorted(
            self.between(since, REFERENCE_NOW) for _ in range(logins)
        ):
            self.add(
                LoginEvent,
                {
                    **_record(self.new_id(), occurred),
                    "student_id": student_id,
                    "occurred_at": occurred,
                    "source": "mobile" if rng.random() < 0.3 else "web",
                },
            )

        counsellor = self.staff[self.info.counsellor[index]]
        teacher_index = self.info.teacher[index]
        if rng.random() < 0.45:
            # Mostly the counsellor; otherwise the teacher or anyone on staff.
            roll = rng.random()
            if roll < 0.6:
                author = counsellor
            elif roll < 0.85 and teacher_index >= 0:
                author = self.staff[teacher_index]
            else:
                author = rng.choice(self.staff)
            written = self.between(since, REFERENCE_NOW)
            self.add(
                Note,
                {
                    **_record(self.new_id(), written),
                    "created_by_id": author.id,
                    "updated_by_id": author.id,
                    "student_id": student_id,
                    "author_id": author.id,
                    "body": rng.choice(_NOTES[0 if author.french else 1]),
                    "is_private": rng.random() < 0.2,
                },
            )

        for _ in range(rng.choice((0, 0, 1, 1, 1, 2))):
            topic = rng.randrange(len(_TOPICS))
            session_at = self.between(since, REFERENCE_NOW)
            language = 0 if counsellor.french else 1
            self.add(
                CounsellingLogEntry,
                {
                    **_record(self.new_id(), session_at),
                    "created_by_id": counsellor.id,
                    "updated_by_id": counsellor.id,
                    "student_id": student_id,
                    "author_id": counsellor.id,
                    "session_date": session_at.date(),
                    "topic_id": self.topic_ids[topic],
                    "subject": _LOG_SUBJECTS[topic][language],
                    "description": rng.choice(_LOG_DESCRIPTIONS[language]),
                    "group_entry_id": None,
                },
            )

        if grade >= 9:
            years = []
            # Last year's review, for students who already had a plan then.
            if plan_created.year < SCHOOL_YEAR and grade >= 10 and rng.random() < 0.7:
                years.append(SCHOOL_YEAR - 1)
            if rng.random() < 0.25:
                years.append(SCHOOL_YEAR)
            for year in years:
                completed = dt.date(year, 10, 1) + dt.timedelta(days=rng.randrange(55))
                completed_at = dt.datetime.combine(
                    completed, dt.time(15, 0), tzinfo=dt.UTC
                )
                self.add(
                    AnnualReview,
                    {
                        **_record(self.new_id(), completed_at),
                        "created_by_id": counsellor.id,
                        "updated_by_id": counsellor.id,
                        "student_id": student_id,
                        "school_year": year,
                        "completed_on": completed,
                        "reviewer_id": counsellor.id,
                        "comment": rng.choice(
                            ("", "", "Plan à jour.", "Plan up to date; goals reviewed.")
                        ),
                    },
                )

        if rng.random() < 0.3:
            for title, body in rng.sample(
                _JOURNAL[0 if french else 1], rng.randint(1, 2)
            ):
                written = self.between(since, REFERENCE_NOW)
                self.add(
                    JournalEntry,
                    {
                        **_record(self.new_id(), written),
                        "student_id": student_id,
                        "title": title,
                        "body": body,
                        "written_at": written,
                        "read_by_staff_at": self.between(written, REFERENCE_NOW)
                        if rng.random() < 0.4
                        else None,
                    },
                )

    def make_plan(
        self, student_id: uuid.UUID, grade: int, french: bool, plan_created: dt.datetime
    ) -> None:
        """What the student saved in their plan on the planning site."""
        rng = self.rng
        lang = 2 if french else 3  # column of the title in _CAREERS
        cluster_lang = 1 if french else 2
        since = plan_created

        careers = rng.sample(_CAREERS, rng.choice((0, 1, 1, 2, 2, 3, 4)))
        ranked = grade >= 9 and rng.random() < 0.6
        for rank, career in enumerate(careers, start=1):
            saved = self.between(since, REFERENCE_NOW)
            self.add(
                CareerInterest,
                {
                    **_record(self.new_id(), saved),
                    "student_id": student_id,
                    "career_code": career[0],
                    "career_title": career[lang],
                    "rank": rank if ranked and rank <= 3 else None,
                    "comment": "",
                },
            )
        for cluster in rng.sample(_CLUSTERS, rng.choice((0, 0, 1, 1, 2))):
            saved = self.between(since, REFERENCE_NOW)
            self.add(
                ClusterInterest,
                {
                    **_record(self.new_id(), saved),
                    "student_id": student_id,
                    "cluster_code": cluster[0],
                    "cluster_title": cluster[cluster_lang],
                    "comment": rng.choice(_CLUSTER_COMMENTS),
                },
            )

        # Older students have more often taken the interest assessment.
        if rng.random() < 0.25 + 0.05 * (grade - 7):
            # One or two interest assessments; the student marks one best match.
            results = 2 if rng.random() < 0.15 else 1
            best = rng.randrange(results)
            for number in range(results):
                taken = self.between(since, REFERENCE_NOW)
                result_id = self.new_id()
                self.add(
                    AssessmentResult,
                    {
                        **_record(result_id, taken),
                        "student_id": student_id,
                        "kind": AssessmentKind.INTEREST,
                        "name": INTEREST_ASSESSMENT_NAME,
                        "taken_at": taken,
                        "is_best_match": number == best,
                        "outcome": None,
                    },
                )
                if number == best:
                    self.make_suggestions(result_id, taken, lang, cluster_lang)
        if rng.random() < 0.4:
            taken = self.between(since, REFERENCE_NOW)
            self.add(
                AssessmentResult,
                {
                    **_record(self.new_id(), taken),
                    "student_id": student_id,
                    "kind": AssessmentKind.LEARNING_STYLE,
                    "name": LEARNING_STYLE_ASSESSMENT_NAME,
                    "taken_at": taken,
                    "is_best_match": False,
                    "outcome": rng.choices(_LEARNING_STYLES, (45, 25, 30))[0],
                },
            )
        if rng.random() < 0.08:
            taken = self.between(since, REFERENCE_NOW)
            self.add(
                AssessmentResult,
                {
                    **_record(self.new_id(), taken),
                    "student_id": student_id,
                    "kind": AssessmentKind.OTHER,
                    "name": rng.choice(_OTHER_ASSESSMENTS),
                    "taken_at": taken,
                    "is_best_match": False,
                    "outcome": None,
                },
            )

        if grade >= 9:
            self.make_education(student_id, grade, since)
        for activity in rng.sample(_PLANNING_ACTIVITIES, rng.choice((0, 0, 1, 1, 2))):
            done = self.between(since, REFERENCE_NOW)
            self.add(
                PlanningActivity,
                {
                    **_record(self.new_id(), done),
                    "student_id": student_id,
                    "activity": activity,
                    "completed_at": done,
                },
            )
        self.make_experiences(student_id, grade, french, since)
        if grade >= 8 and rng.random() < 0.4:
            self.make_course_plan(student_id, grade, french, since)

    def make_suggestions(
        self, result_id: uuid.UUID, taken: dt.datetime, lang: int, cluster_lang: int
    ) -> None:
        rng = self.rng
        for rank, career in enumerate(rng.sample(_CAREERS, 10), start=1):
            self.add(
                AssessmentSuggestion,
                {
                    **_record(self.new_id(), taken),
                    "result_id": result_id,
                    "kind": SuggestionKind.CAREER,
                    "rank": rank,
                    "code": career[0],
                    "title": career[lang],
                },
            )
        for rank, cluster in enumerate(rng.sample(_CLUSTERS, 2), start=1):
            self.add(
                AssessmentSuggestion,
                {
                    **_record(self.new_id(), taken),
                    "result_id": result_id,
                    "kind": SuggestionKind.CLUSTER,
                    "rank": rank,
                    "code": cluster[0],
                    "title": cluster[cluster_lang],
                },
            )

    def make_education(
        self, student_id: uuid.UUID, grade: int, since: dt.datetime
    ) -> None:
        rng = self.rng
        picks = rng.choice((0, 0, 1, 1, 2, 3))
        for rank in range(1, picks + 1):
            saved = self.between(since, REFERENCE_NOW)
            roll = rng.random()
            if roll < 0.15:
                trade, trade_group = rng.choice(_APPRENTICESHIPS)
                kind = EducationInterestKind.APPRENTICESHIP
                institution, program, group = (
                    "Apprentissage en milieu de travail",
                    trade,
                    trade_group,
                )
            elif roll < 0.45:
                kind = EducationInterestKind.SCHOOL
                institution, program, group = rng.choice(_PROGRAMS)[0], None, None
            else:
                kind = EducationInterestKind.PROGRAM
                institution, program, group = rng.choice(_PROGRAMS)
            self.add(
                EducationInterest,
                {
                    **_record(self.new_id(), saved),
                    "student_id": student_id,
                    "kind": kind,
                    "institution": institution,
                    "program": program,
                    "program_group": group,
                    "rank": rank if rank <= 3 and grade >= 11 else None,
                },
            )
        if rng.random() < 0.55:
            saved = self.between(since, REFERENCE_NOW)
            self.add(
                PostSecondaryPlan,
                {
                    **_record(self.new_id(), saved),
                    "student_id": student_id,
                    "intended_education_level": rng.choices(
                        _EDUCATION_LEVELS, _EDUCATION_LEVEL_WEIGHTS
                    )[0],
                    "reflection_confirmed_at": self.between(saved, REFERENCE_NOW)
                    if rng.random() < 0.2 + 0.1 * (grade - 9)
                    else None,
                },
            )

    def make_experiences(
        self, student_id: uuid.UUID, grade: int, french: bool, since: dt.datetime
    ) -> None:
        rng = self.rng
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            kind = rng.choices(_EXPERIENCE_KINDS, _EXPERIENCE_WEIGHTS)[0]
            title = rng.choice(_EXPERIENCES[kind][0 if french else 1])
            started = (since - dt.timedelta(days=rng.randrange(400))).date()
            ended = (
                started + dt.timedelta(days=rng.randint(30, 300))
                if rng.random() < 0.5
                else None
            )
            hours: float | None = None
            if kind is ExperienceKind.VOLUNTEER:
                hours = rng.randint(2, 80) * 2.5
            elif kind is ExperienceKind.WORK:
                hours = float(rng.randint(20, 300))
            self.add(
                Experience,
                {
                    **_record(self.new_id(), since),
                    "student_id": student_id,
                    "kind": kind,
                    "title": title,
                    "hours": hours,
                    "started_on": started,
                    "ended_on": ended if kind is not ExperienceKind.AWARD else started,
                },
            )

    def make_course_plan(
        self, student_id: uuid.UUID, grade: int, french: bool, since: dt.datetime
    ) -> None:
        """A few courses per remaining year from grade 9 to 12 (four-year plan)."""
        rng = self.rng
        language_prefix = "FRA" if french else "ENG"
        saved = self.between(since, REFERENCE_NOW)
        for planned_grade in range(max(9, grade), 13):
            courses = self.courses_by_grade[planned_grade]
            language = [c for c in courses if c[1].startswith(language_prefix)]
            others = [c for c in courses if not c[1].startswith(("FRA", "ENG"))]
            for course_id, _ in [*language, *rng.sample(others, 2)]:
                self.add(
                    CoursePlanEntry,
                    {
                        **_record(self.new_id(), saved),
                        "student_id": student_id,
                        "course_id": course_id,
                        "school_year": SCHOOL_YEAR + planned_grade - grade,
                    },
                )

    # -- school-wide rows that span many students -------------------------------

    def make_groups(self) -> list[tuple[uuid.UUID, list[int]]]:
        rng = self.rng
        info = self.info
        total = len(info.ids)
        count = max(6, total // 60)
        used: dict[str, int] = {}
        groups: list[tuple[uuid.UUID, list[int]]] = []
        for number in range(count):
            kind = (
                (GroupKind.MANAGED, GroupKind.SHARED, GroupKind.PRIVATE)[number]
                if number < 3
                else rng.choices(
                    (GroupKind.MANAGED, GroupKind.SHARED, GroupKind.PRIVATE), (2, 4, 4)
                )[0]
            )
            base = rng.choice(_GROUP_NAMES[kind])
            used[base] = used.get(base, 0) + 1
            name = base if used[base] == 1 else f"{base} ({used[base]})"
            if kind is GroupKind.MANAGED:
                owner = self.staff[rng.choice(self.program_admins)]
                size = rng.randint(40, 120)
            else:
                # The first shared and private groups belong to "conseiller".
                owner_index = (
                    self.counsellors[0]
                    if number < 3
                    else rng.choice(self.counsellors + self.teachers)
                )
                owner = self.staff[owner_index]
                size = (
                    rng.randint(15, 40)
                    if kind is GroupKind.SHARED
                    else rng.randint(5, 25)
                )
            if rng.random() < 0.5:
                pool = info.by_grade[rng.choice(sorted(info.by_grade))]
            else:
                pool = list(range(total))
            members = sorted(rng.sample(pool, min(size, len(pool))))
            created = self.at_days_ago(20, 400)
            group_id = self.new_id()
            groups.append((group_id, members))
            self.add(
                StudentGroup,
                {
                    **_record(group_id, created),
                    "created_by_id": owner.id,
                    "updated_by_id": owner.id,
                    "school_id": self.school_id,
                    "name": name,
                    "kind": kind,
                    "owner_id": owner.id,
                },
            )
            for member in members:
                student_id = info.ids[member]
                self.add(
                    GroupMembership,
                    {
                        **_record(link_id(group_id, student_id), created),
                        "group_id": group_id,
                        "student_id": student_id,
                    },
                )
        return groups

    def make_links_and_assignments(
        self, groups: list[tuple[uuid.UUID, list[int]]]
    ) -> None:
        rng = self.rng
        created = dt.datetime(2026, 8, 28, 14, 0, tzinfo=dt.UTC)
        links = (
            ("Portail des bourses", "https://bourses.example.org", None),
            ("Career exploration videos", "https://careers.example.org/videos", None),
            (
                "Calendrier des admissions",
                "https://admissions.example.org",
                groups[0][0],
            ),
        )
        for title, url, group_id in links:
            self.add(
                CustomLink,
                {
                    **_record(self.new_id(), created),
                    "school_id": self.school_id,
                    "title": title,
                    "url": url,
                    "file_name": None,
                    "file_content": None,
                    "group_id": group_id,
                },
            )
        author = self.staff[self.counsellors[0]]
        assignments = (
            ("Fiche d'exploration de carrières", "exploration-carrieres.pdf", None),
            ("Course selection worksheet", "course-selection.pdf", groups[1][0]),
        )
        for title, file_name, group_id in assignments:
            assignment_id = self.new_id()
            self.add(
                Assignment,
                {
                    **_record(assignment_id, created),
                    "created_by_id": author.id,
                    "updated_by_id": author.id,
                    "school_id": self.school_id,
                    "author_id": author.id,
                    "title": title,
                    "instructions": "",
                    "file_name": file_name,
                    "file_content": b"%PDF-1.4\n% demo template\n",
                    "due_on": dt.date(2026, 12, 18),
                    "group_id": group_id,
                },
            )
            members = (
                range(len(self.info.ids))
                if group_id is None
                else dict(groups)[group_id]
            )
            for member in members:
                if rng.random() < 0.05:
                    submitted = self.at_days_ago(0, 60)
                    self.add(
                        AssignmentSubmission,
                        {
                            **_record(self.new_id(), submitted),
                            "assignment_id": assignment_id,
                            "student_id": self.info.ids[member],
                            "file_name": f"travail-{member + 1}.pdf",
                            "file_content": b"%PDF-1.4\n% demo submission\n",
                            "submitted_at": submitted,
                            "reviewed_at": None,
                        },
                    )

    def make_group_entries(self, groups: list[tuple[uuid.UUID, list[int]]]) -> None:
        """Counselling log entries written once for a whole group (F-33)."""
        rng = self.rng
        for number in range(max(2, len(self.info.ids) // 400)):
            topic, grade, subject, description = _GROUP_ENTRIES[
                number % len(_GROUP_ENTRIES)
            ]
            author = self.staff[
                self.counsellors[0] if number == 0 else rng.choice(self.counsellors)
            ]
            # A workshop for one grade reaches some of its students; the
            # others are written for one of the student groups.
            in_grade = self.info.by_grade.get(grade or 0, [])
            if in_grade:
                size = min(len(in_grade), rng.randint(10, 40))
                members = sorted(rng.sample(in_grade, size))
            else:
                _, members = rng.choice(groups)
            session_at = self.at_days_ago(1, 80)
            entry_id = self.new_id()
            common = {
                "created_by_id": author.id,
                "updated_by_id": author.id,
                "author_id": author.id,
                "session_date": session_at.date(),
                "topic_id": self.topic_ids[topic],
                "subject": subject,
                "description": description,
            }
            self.add(CounsellingGroupEntry, {**_record(entry_id, session_at), **common})
            for member in members:
                self.add(
                    CounsellingLogEntry,
                    {
                        **_record(self.new_id(), session_at),
                        **common,
                        "student_id": self.info.ids[member],
                        "group_entry_id": entry_id,
                    },
                )

    def make_messages(self, groups: list[tuple[uuid.UUID, list[int]]]) -> None:
        rng = self.rng
        info = self.info
        for number in range(max(4, len(info.ids) // 150)):
            if number == 0:
                # One message to a whole grade, as counsellors send before
                # application deadlines.
                author = self.staff[self.counsellors[0]]
                grade = max(info.by_grade)
                recipients = info.by_grade[grade]
                audience = f"grade:{grade}"
            elif rng.random() < 0.6:
                author = self.staff[rng.choice(self.counsellors + self.teachers)]
                group_index = rng.randrange(len(groups))
                recipients = groups[group_index][1]
                audience = f"group:{groups[group_index][0]}"
            else:
                author = self.staff[rng.choice(self.counsellors)]
                recipients = sorted(author.caseload)
                audience = f"caseload:{author.id}"
            if not recipients:
                continue
            subject, body = rng.choice(
                [m for i, m in enumerate(_MESSAGES) if (i % 2 == 0) == author.french]
            )
            sent = self.at_days_ago(0, 85)
            message_id = self.new_id()
            self.add(
                Message,
                {
                    **_record(message_id, sent),
                    "created_by_id": author.id,
                    "updated_by_id": author.id,
                    "author_id": author.id,
                    "subject": subject,
                    "body": body,
                    "sent_at": sent,
                    "audience": audience,
                },
            )
            for member in recipients:
                self.add(
                    MessageRecipient,
                    {
                        **_record(self.new_id(), sent),
                        "message_id": message_id,
                        "student_id": info.ids[member],
                        "read_at": self.between(sent, REFERENCE_NOW)
                        if rng.random() < 0.45
                        else None,
                    },
                )


def _existing_rows(db: Database) -> tuple[int, int]:
    with db.read() as session:
        students = session.scalar(select(func.count()).select_from(Student)) or 0
        schools = session.scalar(select(func.count()).select_from(School)) or 0
    return students, schools


def generate_demo(
    path: Path,
    students: int,
    seed: int,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill the database file at ``path`` with a demo school of ``students``.

    The file must be new or empty of schools and students; everything is
    written in one transaction, so a failure leaves no half-made school.
    ``progress(done, total)`` is called now and then with work units, about
    one per student plus a share for the school-wide rows at the end.
    """
    if students < 1:
        raise ValueError(f"A demo school needs at least 1 student, not {students}.")
    started = time.perf_counter()
    existed = path.exists()
    db = Database(path)
    try:
        if existed:
            held_students, held_schools = _existing_rows(db)
            if held_students or held_schools:
                raise ValueError(
                    f"{path.name} already holds {held_students} students in "
                    f"{held_schools} schools; the demo school is only made in a "
                    f"new or empty database file."
                )
        generator = _Generator(students, seed)
        # The school-wide pass (groups, messages, group entries) is worth about
        # a tenth of the student pass.
        total_units = students + max(1, students // 10)

        def report(done: int) -> None:
            if progress is not None:
                progress(done, total_units)

        with db.sessions() as session, session.begin():
            generator.make_board()
            generator.make_staff()
            generator.flush(session)
            generator.make_students(session, report)
            groups = generator.make_groups()
            generator.make_links_and_assignments(groups)
            generator.make_group_entries(groups)
            generator.flush(session)
            report(students + max(1, students // 20))
            generator.make_messages(groups)
            generator.flush(session)
        report(total_units)
    finally:
        db.close()

    counts = generator.counts
    seconds = time.perf_counter() - started
    log.info(
        "demo school generated: %d students, %d rows in %.1f s",
        counts[Student],
        sum(counts.values()),
        seconds,
    )
    return DemoSummary(
        students=counts[Student],
        staff=counts[Staff],
        parents=counts[Parent],
        groups=counts[StudentGroup],
        notes=counts[Note],
        log_entries=counts[CounsellingLogEntry],
        login_events=counts[LoginEvent],
        seconds=seconds,
        school_id=generator.school_id,
    )
