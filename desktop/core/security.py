"""Passwords, sign-in, lock-out, roles and permissions (no Qt).

Enforcement lives here, in the core services, not in the UI: every service that
changes or reveals data calls :func:`require` first, and a refusal names the
missing permission in the user's language.

Passwords
---------
Hashed with Argon2id (argon2-cffi ``PasswordHasher``, RFC 9106 low-memory
profile: t=3, m=64 MiB, p=4; about 0.2 s here). Stored hashes with older
parameters are upgraded on the next successful sign-in. Rules
(:func:`password_problems`): at least :data:`MIN_PASSWORD_LENGTH` characters,
at least 3 of the 4 kinds lower-case / upper-case / digit / other, not the user
name. After :data:`MAX_FAILED_SIGN_INS` wrong passwords in a row an account is
locked for :data:`LOCKOUT_MINUTES` minutes; a successful sign-in resets the
count. An unknown user name and a wrong password get the same message.

Roles and permissions
---------------------
``all`` = on every record, ``own`` = only on records whose ``owner_id`` is the
user (pass ``owner_id=`` to :func:`require`), ``-`` = refused.

=================  ====  ========  ===========  =====
permission         rm    reviewer  branch_head  admin
=================  ====  ========  ===========  =====
client.read        all   all       all          all
client.create      all   -         all          -
client.edit_own    own   -         all          -
client.edit_any    -     -         all          -
deal.read          all   all       all          all
deal.create        own   -         all          -
deal.edit_own      own   -         all          -
deal.edit_any      -     -         all          -
deal.review        -     all       all          -
deal.approve       -     all       all          -
score.create       own   -         all          -
memo.create        own   all       all          -
personal.unmask    own   all       all          -
personal.export    -     -         all          -
user.manage        -     -         -            all
settings.manage    -     -         -            all
audit.read         -     all       all          all
backup.run         -     -         -            all
backup.restore     -     -         -            all
=================  ====  ========  ===========  =====

Services ask for the ``*_own`` permission with the record's owner: the branch
head (``all``) passes for any record, a relationship manager only for their
own. The administrator runs the system (users, settings, backups, audit) but
neither edits business data nor sees unmasked personal data. Unmasking and
exporting personal data also need a stated reason and are audited.
"""

from __future__ import annotations

import contextlib
import functools
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlite_utils
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from db import audit, users
from db.connection import write
from db.ids import new_id
from db.versioned import update_versioned
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.session import CurrentUser
from desktop.core.validation import ValidationError

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
MAX_FAILED_SIGN_INS = 5
LOCKOUT_MINUTES = 15
MAX_USERNAME_LENGTH = 64
MAX_DISPLAY_NAME_LENGTH = 100

# Audit user id for a sign-in attempt with a user name that does not exist.
ANONYMOUS = "anonymous"

ROLES = users.ROLES
ALL = "all"
OWN = "own"

_ROLE_LABELS = {
    "rm": QT_TRANSLATE_NOOP("Security", "Relationship manager"),
    "reviewer": QT_TRANSLATE_NOOP("Security", "Credit reviewer"),
    "branch_head": QT_TRANSLATE_NOOP("Security", "Branch head"),
    "admin": QT_TRANSLATE_NOOP("Security", "Administrator"),
}


@dataclass(frozen=True)
class Permission:
    code: str
    label: str  # English source; translated by permission_label()
    grants: dict[str, str]  # role -> ALL | OWN


def _p(code: str, label: str, **grants: str) -> Permission:
    return Permission(code, label, grants)


_EVERYONE = {"rm": ALL, "reviewer": ALL, "branch_head": ALL, "admin": ALL}

PERMISSIONS: dict[str, Permission] = {
    p.code: p
    for p in (
        _p("client.read", QT_TRANSLATE_NOOP("Security", "View clients"), **_EVERYONE),
        _p(
            "client.create",
            QT_TRANSLATE_NOOP("Security", "Create clients"),
            rm=ALL,
            branch_head=ALL,
        ),
        _p(
            "client.edit_own",
            QT_TRANSLATE_NOOP("Security", "Edit own clients"),
            rm=OWN,
            branch_head=ALL,
        ),
        _p("client.edit_any", QT_TRANSLATE_NOOP("Security", "Edit any client"), branch_head=ALL),
        _p("deal.read", QT_TRANSLATE_NOOP("Security", "View deals"), **_EVERYONE),
        _p("deal.create", QT_TRANSLATE_NOOP("Security", "Create deals"), rm=OWN, branch_head=ALL),
        _p(
            "deal.edit_own",
            QT_TRANSLATE_NOOP("Security", "Edit own deals"),
            rm=OWN,
            branch_head=ALL,
        ),
        _p("deal.edit_any", QT_TRANSLATE_NOOP("Security", "Edit any deal"), branch_head=ALL),
        _p(
            "deal.review",
            QT_TRANSLATE_NOOP("Security", "Review deals"),
            reviewer=ALL,
            branch_head=ALL,
        ),
        _p(
            "deal.approve",
            QT_TRANSLATE_NOOP("Security", "Approve deals"),
            reviewer=ALL,
            branch_head=ALL,
        ),
        _p(
            "score.create",
            QT_TRANSLATE_NOOP("Security", "Score clients"),
            rm=OWN,
            branch_head=ALL,
        ),
        _p(
            "memo.create",
            QT_TRANSLATE_NOOP("Security", "Write credit memos"),
            rm=OWN,
            reviewer=ALL,
            branch_head=ALL,
        ),
        _p(
            "personal.unmask",
            QT_TRANSLATE_NOOP("Security", "Show unmasked personal data"),
            rm=OWN,
            reviewer=ALL,
            branch_head=ALL,
        ),
        _p(
            "personal.export",
            QT_TRANSLATE_NOOP("Security", "Export personal data"),
            branch_head=ALL,
        ),
        _p("user.manage", QT_TRANSLATE_NOOP("Security", "Manage users"), admin=ALL),
        _p("settings.manage", QT_TRANSLATE_NOOP("Security", "Change settings"), admin=ALL),
        _p(
            "audit.read",
            QT_TRANSLATE_NOOP("Security", "View the audit trail"),
            reviewer=ALL,
            branch_head=ALL,
            admin=ALL,
        ),
        _p("backup.run", QT_TRANSLATE_NOOP("Security", "Back up the database"), admin=ALL),
        _p("backup.restore", QT_TRANSLATE_NOOP("Security", "Restore a backup"), admin=ALL),
    )
}

# Fields of contacts that hold personal data and can be unmasked.
UNMASKABLE_FIELDS = ("mobile", "id_number", "email")


# =========================================================================== errors


class SecurityError(Exception):
    """Base of the errors below; ``message`` is translated, ``code`` stable."""

    code = "security"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PermissionDenied(SecurityError):  # noqa: N818 - reads as a sentence
    """The user's role does not allow the action. ``permission`` is its code."""

    code = "permission_denied"

    def __init__(self, message: str, *, permission: str, role: str, own_only: bool) -> None:
        super().__init__(message)
        self.permission = permission
        self.role = role
        self.own_only = own_only


class SignInError(SecurityError):
    """Sign-in refused. ``code``: ``invalid`` (unknown user or wrong password,
    one message for both), ``locked`` (``locked_until`` set), ``inactive``."""

    def __init__(self, message: str, *, code: str, locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.locked_until = locked_until


class PasswordPolicyError(ValidationError):
    """A new password breaks the rules; ``problems`` lists each broken rule."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("password", "\n".join(problems), reason="policy")
        self.problems = problems


# =========================================================================== labels


def role_label(role: str) -> str:
    """The role's name in the user's language (客户经理, 审查员, 支行行长, 管理员)."""
    return translate("Security", _ROLE_LABELS[role]) if role in _ROLE_LABELS else role


def permission_label(code: str) -> str:
    return translate("Security", PERMISSIONS[code].label) if code in PERMISSIONS else code


# =========================================================================== permissions


def scope(role: str, permission: str) -> str | None:
    """``'all'``, ``'own'`` or None (refused) for ``role`` and ``permission``."""
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")
    return PERMISSIONS[permission].grants.get(role)


def permissions_for(role: str) -> dict[str, str]:
    """Every permission the role has, with its scope (for the UI and docs)."""
    return {code: p.grants[role] for code, p in PERMISSIONS.items() if role in p.grants}


def allowed(user: CurrentUser, permission: str, *, owner_id: str | None = None) -> bool:
    """Whether ``user`` may do ``permission`` (on a record owned by ``owner_id``)."""
    granted = scope(user.role, permission)
    if granted == ALL:
        return True
    return granted == OWN and owner_id is not None and owner_id == user.id


def require(user: CurrentUser, permission: str, *, owner_id: str | None = None) -> None:
    """Raise :class:`PermissionDenied` naming the permission unless allowed.

    For an ``own``-scoped permission pass the record's ``owner_id``; a record
    without owner counts as somebody else's.
    """
    if allowed(user, permission, owner_id=owner_id):
        return
    own_only = scope(user.role, permission) == OWN
    if own_only:
        message = translate(
            "Security",
            "Permission “{permission}” covers only your own records; this record belongs "
            "to someone else.",
        )
    else:
        message = translate(
            "Security", "You do not have the permission “{permission}” (your role: {role})."
        )
    raise PermissionDenied(
        message.format(permission=permission_label(permission), role=role_label(user.role)),
        permission=permission,
        role=user.role,
        own_only=own_only,
    )


def require_current(db: sqlite_utils.Database, user: CurrentUser, permission: str) -> None:
    """Like :func:`require`, but with the user's role as stored now: a session
    whose account was deactivated or given another role meanwhile (in another
    copy of the app) cannot keep using the old role. Used for user management."""
    row = users.get_user(db, user.id)
    if row is None or not row["active"] or row["deleted_at"] is not None:
        raise PermissionDenied(
            translate("Security", "Your account is no longer active. Sign in again."),
            permission=permission,
            role=user.role,
            own_only=False,
        )
    require(_current_user(row), permission)


# =========================================================================== passwords


def _default_hasher() -> PasswordHasher:
    return _DEFAULT_HASHER


_DEFAULT_HASHER = PasswordHasher()  # argon2id, RFC 9106 low-memory profile


def _hasher(hasher: PasswordHasher | None) -> PasswordHasher:
    return hasher if hasher is not None else _default_hasher()


@functools.cache
def _dummy_hash(time_cost: int, memory_cost: int, parallelism: int) -> str:
    """A hash to verify against for unknown users, so that an unknown user name
    takes as long as a wrong password."""
    return PasswordHasher(
        time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism
    ).hash("not a real password")


def _verify(hasher: PasswordHasher, stored: str | None, password: str) -> bool:
    if stored is None:
        dummy = _dummy_hash(hasher.time_cost, hasher.memory_cost, hasher.parallelism)
        with contextlib.suppress(VerificationError, InvalidHashError):
            hasher.verify(dummy, password)
        return False
    try:
        return hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def hash_password(password: str, *, hasher: PasswordHasher | None = None) -> str:
    return _hasher(hasher).hash(password)


def _character_kinds(password: str) -> int:
    lower = any(c.islower() for c in password)
    upper = any(c.isupper() for c in password)
    digit = any(c.isdigit() for c in password)
    other = any(not (c.islower() or c.isupper() or c.isdigit()) for c in password)
    return lower + upper + digit + other


def password_problems(password: str, username: str = "") -> list[str]:
    """Translated sentences, one per broken rule (empty when the password is fine)."""
    problems: list[str] = []
    if not isinstance(password, str):
        return [translate("Security", "The password must be text.")]
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(
            translate("Security", "The password must have at least {n} characters.").format(
                n=MIN_PASSWORD_LENGTH
            )
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        problems.append(
            translate("Security", "The password must have at most {n} characters.").format(
                n=MAX_PASSWORD_LENGTH
            )
        )
    if _character_kinds(password) < 3:
        problems.append(
            translate(
                "Security",
                "The password must mix at least 3 of: lower-case letters, upper-case "
                "letters, digits, other characters.",
            )
        )
    if username and password.strip().casefold() == username.strip().casefold():
        problems.append(translate("Security", "The password must not be the user name."))
    return problems


def check_password_rules(password: str, username: str = "") -> None:
    """Raise :class:`PasswordPolicyError` (field ``password``) if a rule is broken."""
    problems = password_problems(password, username)
    if problems:
        raise PasswordPolicyError(problems)


# =========================================================================== helpers


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _parse_iso(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def _current_user(row: dict) -> CurrentUser:
    return CurrentUser(
        id=row["id"], username=row["username"], display_name=row["display_name"], role=row["role"]
    )


def _locked_message(until: datetime) -> str:
    return translate(
        "Security",
        "This account is locked after too many wrong passwords until {time}. Try again "
        "then, or ask an administrator to unlock it.",
    ).format(time=until.astimezone().strftime("%Y-%m-%d %H:%M"))


def _invalid_sign_in() -> SignInError:
    return SignInError(
        translate("Security", "The user name or the password is wrong."), code="invalid"
    )


def _clean_username(username: str) -> str:
    if not isinstance(username, str) or not username.strip():
        raise ValidationError(
            "username", translate("Security", "Enter a user name."), reason="required"
        )
    name = unicodedata.normalize("NFKC", username).strip()
    if len(name) > MAX_USERNAME_LENGTH:
        raise ValidationError(
            "username",
            translate("Security", "The user name must have at most {n} characters.").format(
                n=MAX_USERNAME_LENGTH
            ),
            reason="length",
        )
    if any(c.isspace() or unicodedata.category(c).startswith("C") for c in name):
        raise ValidationError(
            "username",
            translate("Security", "The user name must not contain spaces or control characters."),
            reason="character",
        )
    return name


def _clean_display_name(display_name: str) -> str:
    if not isinstance(display_name, str) or not display_name.strip():
        raise ValidationError(
            "display_name", translate("Security", "Enter the person's name."), reason="required"
        )
    name = display_name.strip()
    if len(name) > MAX_DISPLAY_NAME_LENGTH:
        raise ValidationError(
            "display_name",
            translate("Security", "The name must have at most {n} characters.").format(
                n=MAX_DISPLAY_NAME_LENGTH
            ),
            reason="length",
        )
    return name


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationError(
            "role", translate("Security", "Choose one of the roles."), reason="choice"
        )


def _username_taken(name: str) -> ValidationError:
    return ValidationError(
        "username",
        translate("Security", "The user name “{name}” is already taken.").format(name=name),
        reason="duplicate",
    )


def _require_user(db: sqlite_utils.Database, user_id: str) -> dict:
    row = users.get_user(db, user_id)
    if row is None or row["deleted_at"] is not None:
        raise ValidationError(
            "user", translate("Security", "This user no longer exists."), reason="missing"
        )
    return row


# =========================================================================== users


def first_run_needed(db: sqlite_utils.Database) -> bool:
    """True while no active administrator with a password exists (first-run wizard)."""
    return users.count_active_admins(db, with_password=True) == 0


def create_first_admin(
    db: sqlite_utils.Database,
    username: str,
    display_name: str,
    password: str,
    *,
    hasher: PasswordHasher | None = None,
) -> CurrentUser:
    """Create the first administrator and return them, signed in.

    Allowed only while :func:`first_run_needed`; an existing administrator
    without password under the same name (created before sign-in existed) is
    given the password instead of a duplicate. Audited ``user.first_admin``.
    """
    name = _clean_username(username)
    display = _clean_display_name(display_name)
    check_password_rules(password, name)
    digest = hash_password(password, hasher=hasher)
    with write(db):
        if not first_run_needed(db):
            raise SecurityError(
                translate(
                    "Security",
                    "An administrator already exists. Sign in as the administrator to add users.",
                )
            )
        existing = users.find_user(db, name)
        if existing is not None:
            if existing["role"] != "admin" or existing["deleted_at"] is not None:
                raise _username_taken(name)
            users.set_password_hash(db, existing["id"], digest, by=existing["id"])
            if not existing["active"]:
                users.set_active(db, existing["id"], True, by=existing["id"])
            row = users.get_user(db, existing["id"])
            audit.record(
                db,
                user_id=existing["id"],
                action="user.first_admin",
                entity="users",
                entity_id=existing["id"],
                after=row,
                reason="first run: password set for the existing administrator",
            )
        else:
            new_user_id = new_id()
            row = users.insert_user(
                db,
                username=name,
                display_name=display,
                role="admin",
                password_hash=digest,
                user_id=new_user_id,
                by=new_user_id,
                action="user.first_admin",
                reason="first run",
            )
    assert row is not None
    return _current_user(row)


def create_user(  # noqa: PLR0917 - the documented call shape
    db: sqlite_utils.Database,
    actor: CurrentUser,
    username: str,
    display_name: str,
    role: str,
    password: str,
    *,
    must_change_password: bool = True,
    hasher: PasswordHasher | None = None,
) -> dict:
    """Create a user (permission ``user.manage``); audited ``user.create``.

    By default the new user must choose their own password at first sign-in
    (see :func:`password_change_required`).
    """
    require_current(db, actor, "user.manage")
    name = _clean_username(username)
    display = _clean_display_name(display_name)
    _check_role(role)
    check_password_rules(password, name)
    digest = hash_password(password, hasher=hasher)
    with write(db):
        if users.find_user(db, name) is not None:
            raise _username_taken(name)
        return users.insert_user(
            db,
            username=name,
            display_name=display,
            role=role,
            password_hash=digest,
            must_change_password=must_change_password,
            by=actor.id,
        )


def update_user(
    db: sqlite_utils.Database,
    actor: CurrentUser,
    user_id: str,
    expected_version: int,
    *,
    display_name: str | None = None,
    role: str | None = None,
) -> dict:
    """Change a user's name or role (``user.manage``), guarded by ``version``.

    Refuses to take the administrator role from the last active administrator.
    Raises :class:`db.errors.ConflictError` if the user was changed meanwhile.
    """
    require_current(db, actor, "user.manage")
    changes: dict[str, str] = {}
    if display_name is not None:
        changes["display_name"] = _clean_display_name(display_name)
    if role is not None:
        _check_role(role)
        changes["role"] = role
    if not changes:
        return _require_user(db, user_id)
    with write(db):
        target = _require_user(db, user_id)
        if (
            role is not None
            and role != "admin"
            and target["role"] == "admin"
            and target["active"]
            and users.count_active_admins(db) <= 1
        ):
            raise SecurityError(
                translate("Security", "The last administrator cannot be given another role.")
            )
        return update_versioned(
            db, "users", user_id, expected_version, changes, actor.id, action="user.update"
        )


def deactivate_user(
    db: sqlite_utils.Database, actor: CurrentUser, user_id: str, *, reason: str = ""
) -> dict:
    """Stop a user from signing in (``user.manage``); audited ``user.deactivate``.

    Refused for the actor themselves and for the last active administrator.
    """
    return _set_active(db, actor, user_id, False, reason)


def reactivate_user(
    db: sqlite_utils.Database, actor: CurrentUser, user_id: str, *, reason: str = ""
) -> dict:
    """Let a deactivated user sign in again (``user.manage``); audited ``user.reactivate``."""
    return _set_active(db, actor, user_id, True, reason)


def _set_active(
    db: sqlite_utils.Database, actor: CurrentUser, user_id: str, active: bool, reason: str
) -> dict:
    require_current(db, actor, "user.manage")
    with write(db):
        target = _require_user(db, user_id)
        if not active:
            if target["id"] == actor.id:
                raise SecurityError(translate("Security", "You cannot deactivate yourself."))
            if target["role"] == "admin" and users.count_active_admins(db) <= 1:
                raise SecurityError(
                    translate("Security", "The last administrator cannot be deactivated.")
                )
        if bool(target["active"]) == active:
            return target
        users.set_active(db, user_id, active, by=actor.id)
        after = users.get_user(db, user_id)
        assert after is not None
        audit.record(
            db,
            user_id=actor.id,
            action="user.reactivate" if active else "user.deactivate",
            entity="users",
            entity_id=user_id,
            before={"active": target["active"], "version": target["version"]},
            after={"active": after["active"], "version": after["version"]},
            reason=reason,
        )
    return after


def unlock_user(db: sqlite_utils.Database, actor: CurrentUser, user_id: str) -> None:
    """Lift a lock-out before it expires (``user.manage``); audited ``auth.unlock_account``."""
    require_current(db, actor, "user.manage")
    with write(db):
        target = _require_user(db, user_id)
        users.clear_failed_sign_ins(db, user_id)
        audit.record(
            db,
            user_id=actor.id,
            action="auth.unlock_account",
            entity="users",
            entity_id=user_id,
            before={
                "failed_attempts": target["failed_attempts"],
                "locked_until": target["locked_until"],
            },
            after={"failed_attempts": 0, "locked_until": None},
        )


def reset_password(
    db: sqlite_utils.Database,
    actor: CurrentUser,
    user_id: str,
    new_password: str,
    *,
    must_change: bool = True,
    hasher: PasswordHasher | None = None,
) -> None:
    """An administrator sets a new password (``user.manage``), lifts any lock;
    the user must change it at the next sign-in unless ``must_change=False``.
    Audited ``auth.password_reset`` (never the password or hash)."""
    require_current(db, actor, "user.manage")
    target = _require_user(db, user_id)
    check_password_rules(new_password, target["username"])
    digest = hash_password(new_password, hasher=hasher)
    with write(db):
        _require_user(db, user_id)
        users.set_password_hash(db, user_id, digest, by=actor.id, must_change=must_change)
        audit.record(
            db,
            user_id=actor.id,
            action="auth.password_reset",
            entity="users",
            entity_id=user_id,
            after={"must_change_password": must_change},
        )


def change_password(
    db: sqlite_utils.Database,
    user: CurrentUser,
    old_password: str,
    new_password: str,
    *,
    now: datetime | None = None,
    hasher: PasswordHasher | None = None,
) -> None:
    """The user changes their own password. A wrong current password counts as a
    failed sign-in (lock-out applies) and raises :class:`SignInError`; a new
    password that breaks the rules or equals the old one raises
    :class:`PasswordPolicyError`. Audited ``auth.password_change``."""
    h = _hasher(hasher)
    if not _check_secret(
        db, user.id, old_password, now=now, hasher=h, action="auth.password_failed"
    ):
        raise SignInError(translate("Security", "The current password is wrong."), code="invalid")
    check_password_rules(new_password, user.username)
    if new_password == old_password:
        raise PasswordPolicyError(
            [translate("Security", "The new password must differ from the current one.")]
        )
    digest = h.hash(new_password)
    with write(db):
        users.set_password_hash(db, user.id, digest, by=user.id, must_change=False)
        audit.record(
            db,
            user_id=user.id,
            action="auth.password_change",
            entity="users",
            entity_id=user.id,
        )


def password_change_required(db: sqlite_utils.Database, user_id: str) -> bool:
    """True after an administrator created the user or reset the password: the
    UI asks for a new password right after sign-in."""
    row = users.get_user(db, user_id)
    return bool(row and row["must_change_password"])


def locked_until(
    db: sqlite_utils.Database, user_id: str, now: datetime | None = None
) -> datetime | None:
    """When the user's lock-out ends (UTC), or None if not locked now."""
    row = users.get_user(db, user_id)
    until = _parse_iso(row["locked_until"]) if row else None
    return until if until is not None and until > _now(now) else None


# =========================================================================== sign-in


def _record_failure(
    db: sqlite_utils.Database,
    row: dict,
    moment: datetime,
    *,
    action: str,
    why: str,
) -> datetime | None:
    """Count a failed password check and audit it; returns the lock end if it locked now."""
    with write(db):
        count, lock = users.register_failed_sign_in(
            db,
            row["id"],
            max_failures=MAX_FAILED_SIGN_INS,
            lock_until=_iso(moment + timedelta(minutes=LOCKOUT_MINUTES)),
        )
        audit.record(
            db,
            user_id=row["id"],
            action=action,
            entity="users",
            entity_id=row["id"],
            after={"username": row["username"], "failed_attempts": count, "locked_until": lock},
            reason=why,
        )
    return _parse_iso(lock)


def _check_secret(
    db: sqlite_utils.Database,
    user_id: str,
    password: str,
    *,
    now: datetime | None,
    hasher: PasswordHasher,
    action: str,
) -> bool:
    """Verify the password of a signed-in user (unlock, change); failures count
    toward the lock-out and are audited as ``action``; a locked or deactivated
    account never verifies."""
    moment = _now(now)
    row = users.get_user(db, user_id)
    if row is None:
        return False
    until = _parse_iso(row["locked_until"])
    if until is not None and until > moment:
        with write(db):
            audit.record(
                db,
                user_id=user_id,
                action=action,
                entity="users",
                entity_id=user_id,
                after={"username": row["username"], "locked_until": row["locked_until"]},
                reason="locked",
            )
        return False
    ok = _verify(
        hasher, users.password_hash(db, user_id), password if isinstance(password, str) else ""
    )
    if ok and row["active"] and row["deleted_at"] is None:
        users.clear_failed_sign_ins(db, user_id)
        return True
    _record_failure(db, row, moment, action=action, why="wrong password" if not ok else "inactive")
    return False


def sign_in(
    db: sqlite_utils.Database,
    username: str,
    password: str,
    now: datetime | None = None,
    *,
    hasher: PasswordHasher | None = None,
) -> CurrentUser:
    """Check the user name and password and return the signed-in user.

    Raises :class:`SignInError`: ``invalid`` for an unknown user name, a user
    without password and a wrong password alike (the same message); ``locked``
    saying until when; ``inactive`` for a deactivated account (only said once
    the password was right). Every attempt is audited: ``auth.sign_in`` or
    ``auth.sign_in_failed`` (for an unknown name with user id ``anonymous``).
    """
    h = _hasher(hasher)
    moment = _now(now)
    typed = username.strip() if isinstance(username, str) else ""
    password = password if isinstance(password, str) else ""
    row = users.find_user(db, typed) if typed else None
    if row is None or row["deleted_at"] is not None:
        _verify(h, None, password)  # same time as a wrong password
        with write(db):
            audit.record(
                db,
                user_id=ANONYMOUS,
                action="auth.sign_in_failed",
                entity="users",
                after={"username": typed[:MAX_USERNAME_LENGTH]},
                reason="unknown user",
            )
        raise _invalid_sign_in()
    until = _parse_iso(row["locked_until"])
    if until is not None and until > moment:
        with write(db):
            audit.record(
                db,
                user_id=row["id"],
                action="auth.sign_in_failed",
                entity="users",
                entity_id=row["id"],
                after={"username": row["username"], "locked_until": row["locked_until"]},
                reason="locked",
            )
        raise SignInError(_locked_message(until), code="locked", locked_until=until)
    stored = users.password_hash(db, row["id"])
    if not _verify(h, stored, password):
        lock = _record_failure(
            db,
            row,
            moment,
            action="auth.sign_in_failed",
            why="no password set" if stored is None else "wrong password",
        )
        if lock is not None:
            raise SignInError(_locked_message(lock), code="locked", locked_until=lock)
        raise _invalid_sign_in()
    if not row["active"]:
        with write(db):
            audit.record(
                db,
                user_id=row["id"],
                action="auth.sign_in_failed",
                entity="users",
                entity_id=row["id"],
                after={"username": row["username"]},
                reason="inactive",
            )
        raise SignInError(
            translate(
                "Security", "This account has been deactivated. Ask an administrator for help."
            ),
            code="inactive",
        )
    with write(db):
        users.clear_failed_sign_ins(db, row["id"])
        if stored is not None and h.check_needs_rehash(stored):
            users.replace_password_hash(db, row["id"], h.hash(password))
        audit.record(
            db,
            user_id=row["id"],
            action="auth.sign_in",
            entity="users",
            entity_id=row["id"],
            after={"username": row["username"], "role": row["role"]},
        )
    return _current_user(row)


def record_demo_sign_in(db: sqlite_utils.Database, user: CurrentUser) -> None:
    """Audit a ``--demo`` session (signed in without a password) as ``auth.sign_in``."""
    with write(db):
        audit.record(
            db,
            user_id=user.id,
            action="auth.sign_in",
            entity="users",
            entity_id=user.id,
            after={"username": user.username, "role": user.role},
            reason="demo mode, no password",
        )


def sign_out(db: sqlite_utils.Database, user: CurrentUser, *, reason: str = "") -> None:
    """Audit the end of a session (``auth.sign_out``)."""
    with write(db):
        audit.record(
            db,
            user_id=user.id,
            action="auth.sign_out",
            entity="users",
            entity_id=user.id,
            reason=reason,
        )


def verify_password_for_unlock(
    db: sqlite_utils.Database,
    user: CurrentUser,
    password: str,
    now: datetime | None = None,
    *,
    hasher: PasswordHasher | None = None,
) -> bool:
    """Unlock the idle-locked screen: True if ``password`` is the user's.

    Failures are audited (``auth.unlock_failed``) and count toward the lock-out;
    once the account is locked (or deactivated) this returns False even for
    the right password, and the UI should sign the user out
    (:func:`locked_until` says until when).
    """
    return _check_secret(
        db, user.id, password, now=now, hasher=_hasher(hasher), action="auth.unlock_failed"
    )


# =========================================================================== personal data


def _reason_required() -> ValidationError:
    return ValidationError(
        "reason",
        translate("Security", "State why you need to see or export personal data."),
        reason="required",
    )


def unmask(  # noqa: PLR0917 - the documented call shape
    db: sqlite_utils.Database,
    user: CurrentUser,
    entity: str,
    entity_id: str,
    field: str,
    reason: str,
) -> str:
    """The full value of a masked personal field, for a stated reason.

    Only ``entity='contacts'`` and the fields in :data:`UNMASKABLE_FIELDS`.
    Needs ``personal.unmask`` (relationship managers: for contacts of their own
    clients) and a non-empty ``reason``; audited ``personal.unmask`` with the
    field name and reason (never the value). Returns ``""`` for an empty field.
    """
    if entity != "contacts" or field not in UNMASKABLE_FIELDS:
        raise ValidationError(
            "field",
            translate("Security", "This field does not hold personal data that can be shown."),
            reason="choice",
        )
    if not isinstance(reason, str) or not reason.strip():
        raise _reason_required()
    row = db.conn.execute(
        f"SELECT c.{field}, cl.owner_id FROM contacts c JOIN clients cl ON cl.id = c.client_id"
        " WHERE c.id = ? AND c.deleted_at IS NULL",
        (entity_id,),
    ).fetchone()
    if row is None:
        raise ValidationError(
            "contact", translate("Security", "This contact no longer exists."), reason="missing"
        )
    value, owner_id = row
    require(user, "personal.unmask", owner_id=owner_id)
    with write(db):
        audit.record(
            db,
            user_id=user.id,
            action="personal.unmask",
            entity=entity,
            entity_id=entity_id,
            after={"field": field},
            reason=reason.strip(),
        )
    return value or ""


def record_personal_export(
    db: sqlite_utils.Database,
    user: CurrentUser,
    *,
    reason: str,
    description: str,
    rows: int,
    target: str = "",
) -> None:
    """Check ``personal.export`` and the reason, and audit ``personal.export``.

    Call inside the export's flow before writing the file (in the same
    transaction if the export also writes to the database).
    """
    require(user, "personal.export")
    if not isinstance(reason, str) or not reason.strip():
        raise _reason_required()
    with write(db):
        audit.record(
            db,
            user_id=user.id,
            action="personal.export",
            entity="export",
            after={"what": description, "rows": rows, "target": target},
            reason=reason.strip(),
        )
