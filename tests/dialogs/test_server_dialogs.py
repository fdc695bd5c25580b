"""The school-server dialog, the server password, and the encrypted-transfer switch."""

from __future__ import annotations

import json

import psycopg
import pytest
from PySide6.QtCore import Qt

from cams_desktop.dialogs.server_dialog import ServerDialog
from cams_desktop.dialogs.site_settings_dialog import SiteSettingsDialog
from cams_desktop.server.roles import role_prefix, staff_role_name
from cams_desktop.services.access import PermissionDenied
from cams_desktop.services.server_connection import (
    KEYRING_SERVICE,
    ServerLogin,
    ServerSettings,
    explain,
    login_role,
    save_server_settings,
    server_settings,
    set_tls_required,
    tls_required,
)

pytestmark = pytest.mark.gui


def _dialog(qtbot, school, actor=None, **options):
    dialog = ServerDialog(school.db, actor or school.admin, **options)
    qtbot.addWidget(dialog)
    return dialog


def _fill(dialog, host, port, database, password=""):
    dialog.host.setText(host)
    dialog.port.setText(port)
    dialog.database.setText(database)
    dialog.password.setText(password)


def _errors(dialog):
    return {
        name: label.text()
        for name, label in dialog.errors.items()
        if not label.isHidden()
    }


@pytest.mark.parametrize(
    ("database", "username", "expected"),
    [
        ("ecole_du_lac", "Conseiller", "cams_ecole_du_lac_u_conseiller"),
        ("cams_test_0a1b2c", "m.ouellet", "cams_cams_test_0a1b2c_u_m_ouellet"),
        ("École-2", "admin", f"{role_prefix('École-2')}u_admin"),
    ],
)
def test_the_login_role_is_the_name_the_server_gives(database, username, expected):
    assert login_role(database, username) == expected
    assert login_role(database, username) == staff_role_name(
        role_prefix(database), username, set()
    )


def test_each_field_says_what_is_wrong(qtbot, tiny_school, file_keyring):
    dialog = _dialog(qtbot, tiny_school)
    _fill(dialog, "serveur école", "70000", "9ecole")

    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    assert _errors(dialog) == {
        "host": "Give the server's name or address, such as cams.school.example.",
        "port": "The port is a number from 1 to 65535 (PostgreSQL uses 5432).",
        "database": "The database name has letters, digits and underscores only, "
        "and starts with a letter.",
    }
    assert dialog.result() == 0
    assert server_settings(tiny_school.db) is None


def test_testing_needs_a_password(qtbot, tiny_school, file_keyring):
    dialog = _dialog(qtbot, tiny_school)
    _fill(dialog, "127.0.0.1", "5432", "ecole")

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)

    assert _errors(dialog) == {"password": "Type your password for the school server."}
    assert dialog.job is None


def test_saving_keeps_the_address_here_and_the_password_in_the_keychain(
    qtbot, tiny_school, file_keyring, tmp_path
):
    dialog = _dialog(qtbot, tiny_school)
    _fill(dialog, " cams.ecole.example ", "5433", "ecole_du_lac", "secret-serveur")

    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    assert dialog.result() == 1
    assert server_settings(tiny_school.db) == ServerSettings(
        "cams.ecole.example", "ecole_du_lac", 5433
    )
    assert json.loads((tmp_path / "keyring.json").read_text()) == {
        f"{KEYRING_SERVICE}|cams.ecole.example:5433/ecole_du_lac/admin": (
            "secret-serveur"
        )
    }
    assert b"secret-serveur" not in (tmp_path / "tiny.sqlite").read_bytes()


def test_any_staff_member_sets_only_their_own_password(
    qtbot, tiny_school, file_keyring, tmp_path
):
    save_server_settings(
        tiny_school.db, tiny_school.admin, ServerSettings("127.0.0.1", "ecole", 5432)
    )
    dialog = _dialog(qtbot, tiny_school, tiny_school.teacher, own_password_only=True)
    assert dialog.windowTitle() == "Server password"
    assert dialog.host.isReadOnly() and dialog.host.text() == "127.0.0.1"

    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    save.click()
    assert _errors(dialog) == {"password": "Type your password for the school server."}
    dialog.password.setText("mot-de-passe-prof")
    save.click()

    assert dialog.result() == 1
    assert json.loads((tmp_path / "keyring.json").read_text()) == {
        f"{KEYRING_SERVICE}|127.0.0.1:5432/ecole/enseignant": "mot-de-passe-prof"
    }


def test_a_closed_port_says_the_server_cannot_be_reached(
    qtbot, tiny_school, file_keyring
):
    dialog = _dialog(qtbot, tiny_school)
    _fill(dialog, "127.0.0.1", "1", "ecole", "secret")

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.job.done, timeout=15_000):
        pass

    assert dialog.result_label.text() == (
        "The server 127.0.0.1:1/ecole cannot be reached: check the address and "
        "that the server is running."
    )
    assert dialog.last_check is not None and not dialog.last_check.ok
    assert dialog.test_button.isEnabled()


def test_errors_are_told_in_words():
    login = ServerLogin(ServerSettings("127.0.0.1", "ecole", 5432), "Admin", "x", True)
    wrong = psycopg.OperationalError(
        'connection failed: FATAL:  password authentication failed for user "x"'
    )
    no_tls = psycopg.OperationalError(
        "connection failed: server does not support SSL, but SSL was required"
    )
    assert explain(wrong, login) == (
        "The server refused the password of cams_ecole_u_admin: check your "
        "server password."
    )
    assert explain(no_tls, login) == (
        "The school requires encrypted transfer (TLS), but the server "
        "127.0.0.1:5432/ecole does not offer it."
    )


def test_encrypted_transfer_is_a_site_setting(qtbot, tiny_school, file_keyring):
    assert tls_required(tiny_school.db, tiny_school.admin)  # the default
    settings = SiteSettingsDialog(tiny_school.db, tiny_school.admin)
    qtbot.addWidget(settings)
    assert settings.tls_required.isChecked()

    settings.tls_required.setChecked(False)
    settings.buttons.button(settings.buttons.StandardButton.Save).click()

    assert not tls_required(tiny_school.db, tiny_school.admin)
    assert _dialog(qtbot, tiny_school).tls_label.text() == (
        "Encrypted transfer (TLS) is not required: it is used when the server "
        "offers it. Site settings change this."
    )
    set_tls_required(tiny_school.db, tiny_school.admin, True)
    assert _dialog(qtbot, tiny_school).tls_label.text() == (
        "The school requires encrypted transfer (TLS)."
    )
    with pytest.raises(PermissionDenied):
        set_tls_required(tiny_school.db, tiny_school.teacher, False)
