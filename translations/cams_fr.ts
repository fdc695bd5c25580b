<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en_CA">
<context>
    <name>Access</name>
    <message>
        <source>Your access level does not allow this action.</source>
        <translation>Votre niveau d&apos;accès ne permet pas cette action.</translation>
    </message>
    <message>
        <source>There is no active staff member named {0}.</source>
        <extracomment>Cells (header included) from which characters an .xlsx cannot hold were removed, or whose over-long text was cut. Always 0 for CSV and text. Cells (header included) whose text was neutralised as a would-be formula.</extracomment>
        <translation>Aucun membre du personnel actif ne porte le nom d&apos;utilisateur {0}.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>CAMS Desktop</source>
        <translation>CAMS Desktop</translation>
    </message>
    <message>
        <source>The operation could not be completed and nothing was changed.

{0}

Details are in the log file {1}.</source>
        <translation>L&apos;opération n&apos;a pas pu être terminée et rien n&apos;a été modifié.

{0}

Les détails sont dans le journal {1}.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the list</source>
        <translation>Exporter la liste</translation>
    </message>
    <message numerus="yes">
        <source>{0} students, as filtered and sorted in the list.</source>
        <translation>
            <numerusform>{0} élève, filtré et trié comme dans la liste.</numerusform>
            <numerusform>{0} élèves, filtrés et triés comme dans la liste.</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>CSV, comma-separated (.csv)</source>
        <translation>CSV, séparé par des virgules (.csv)</translation>
    </message>
    <message>
        <source>Tab-delimited text (.txt)</source>
        <translation>Texte délimité par des tabulations (.txt)</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>Choisissez au moins une colonne.</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Choisissez le fichier à écrire.</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>Le dossier {0} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message numerus="yes">
        <source>{0} students written to {1}.</source>
        <translation>
            <numerusform>{0} élève écrit dans {1}.</numerusform>
            <numerusform>{0} élèves écrits dans {1}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} cells held characters an Excel workbook cannot store; they were removed.</source>
        <translation>
            <numerusform>{0} cellule contenait des caractères qu&apos;un classeur Excel ne peut pas conserver; ils ont été retirés.</numerusform>
            <numerusform>{0} cellules contenaient des caractères qu&apos;un classeur Excel ne peut pas conserver; ils ont été retirés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportation annulée; aucun fichier n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>{0} is a folder; give a file name.</source>
        <translation>{0} est un dossier; indiquez un nom de fichier.</translation>
    </message>
    <message>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} existe déjà. Le remplacer?</translation>
    </message>
    <message>
        <source>The file could not be written ({0}); nothing was saved.</source>
        <translation>Le fichier n&apos;a pas pu être écrit ({0}); rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>students</source>
        <translation>eleves</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>Diplômé</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transféré</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Non-binary</source>
        <translation>Non binaire</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Program administrator</source>
        <translation>Administrateur du programme</translation>
    </message>
    <message>
        <source>School administrator / counsellor</source>
        <translation>Administrateur scolaire-conseiller</translation>
    </message>
    <message>
        <source>Teacher / counsellor</source>
        <translation>Enseignant-conseiller</translation>
    </message>
    <message>
        <source>Other staff</source>
        <translation>Autres membres du personnel</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privé</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>partagé</translation>
    </message>
    <message>
        <source>managed</source>
        <translation>géré</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>Numéro d&apos;élève</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Expected graduation</source>
        <translation>Date prévue d&apos;obtention du diplôme</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Langue préférée</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>Statut du plan</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CAMS — Counsellor home page — {0}</source>
        <translation>CAMS — Page d&apos;accueil du conseiller — {0}</translation>
    </message>
    <message>
        <source>&amp;Students</source>
        <translation>&amp;Élèves</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;View/Action</source>
        <translation>&amp;Voir/Action</translation>
    </message>
    <message>
        <source>View/Action</source>
        <translation>Voir/Action</translation>
    </message>
    <message>
        <source>Add a student</source>
        <translation>Ajouter un(e) élève</translation>
    </message>
    <message>
        <source>Export the list…</source>
        <translation>Exporter la liste…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>About CAMS Desktop</source>
        <translation>À propos de CAMS Desktop</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Modifier le profil</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Deactivate plan</source>
        <translation>Supprimer le plan</translation>
    </message>
    <message>
        <source>Reactivate plan</source>
        <translation>Réactiver le plan</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler l&apos;opération</translation>
    </message>
    <message>
        <source>Switch the interface language</source>
        <translation>Changer la langue de l&apos;interface</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>CAMS Desktop {0}
Career and education planning administration.</source>
        <translation>CAMS Desktop {0}
Administration de la planification de carrière et de formation.</translation>
    </message>
    <message>
        <source>Select a student first</source>
        <translation>Choisissez d&apos;abord un élève</translation>
    </message>
    <message numerus="yes">
        <source>and {0} more</source>
        <translation>
            <numerusform>et {0} autre</numerusform>
            <numerusform>et {0} autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Deactivate the plan of these students? They leave the lists; nothing is deleted and the plan can be reactivated.

{0}</source>
        <translation>Supprimer le plan de ces élèves? Ils quittent les listes; rien n&apos;est effacé et le plan peut être réactivé.

{0}</translation>
    </message>
    <message numerus="yes">
        <source>{0} plans deactivated.</source>
        <translation>
            <numerusform>{0} plan supprimé.</numerusform>
            <numerusform>{0} plans supprimés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>A note cannot be empty.</source>
        <translation>Une note ne peut pas être vide.</translation>
    </message>
    <message>
        <source>A note holds at most {0} characters.</source>
        <translation>Une note contient au plus {0} caractères.</translation>
    </message>
    <message>
        <source>This note does not exist or was deleted.</source>
        <extracomment>Rows between two calls of ``cancel`` and ``progress``.</extracomment>
        <translation>Cette note n&apos;existe pas ou a été supprimée.</translation>
    </message>
    <message>
        <source>The note contains a character that cannot be stored ({0}).</source>
        <translation>La note contient un caractère qui ne peut pas être enregistré ({0}).</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>(private)</source>
        <translation>(privée)</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(modifiée)</translation>
    </message>
    <message>
        <source>Notes — {0} {1}</source>
        <translation>Notes — {0} {1}</translation>
    </message>
    <message>
        <source>Private (only I can see it)</source>
        <translation>Privée (moi seul peux la voir)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Annuler la modification</translation>
    </message>
    <message>
        <source>Delete this note?</source>
        <translation>Supprimer cette note?</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ajouter la note</translation>
    </message>
    <message>
        <source>Editing your note</source>
        <translation>Modification de votre note</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <source>The note you are writing is not saved. Close and lose it?</source>
        <translation>La note que vous rédigez n&apos;est pas enregistrée. Fermer et la perdre?</translation>
    </message>
</context>
<context>
    <name>School</name>
    <message>
        <source>This database has no school administrator yet. Open the demo school with cams-desktop --demo, or create one with: cams demo --out FILE.</source>
        <translation>Cette base de données n&apos;a pas encore d&apos;administrateur scolaire. Ouvrez l&apos;école de démonstration avec cams-desktop --demo, ou créez-en une avec : cams demo --out FICHIER.</translation>
    </message>
</context>
<context>
    <name>StudentDialog</name>
    <message>
        <source>Add a student</source>
        <translation>Ajouter un(e) élève</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Modifier le profil</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>Parents</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Historique des changements</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Add a parent</source>
        <translation>Ajouter un parent</translation>
    </message>
    <message>
        <source>Remove from this student</source>
        <translation>Retirer de cet élève</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>First name *</source>
        <translation>Prénom *</translation>
    </message>
    <message>
        <source>Last name *</source>
        <translation>Nom de famille *</translation>
    </message>
    <message>
        <source>Grade *</source>
        <translation>Année *</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Username *</source>
        <translation>Nom d&apos;utilisateur *</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>Numéro d&apos;élève</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Expected graduation</source>
        <translation>Date prévue d&apos;obtention du diplôme</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Langue préférée</translation>
    </message>
    <message>
        <source>Assigned counsellors</source>
        <translation>Conseillers assignés</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Connue</translation>
    </message>
    <message>
        <source>Use {0}</source>
        <translation>Utiliser {0}</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
</context>
<context>
    <name>StudentExport</name>
    <message>
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>Statut du plan</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Readiness status</source>
        <translation>État de préparation</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} sur {1}</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>Choisissez au moins une colonne.</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Élèves</translation>
    </message>
</context>
<context>
    <name>StudentListView</name>
    <message>
        <source>All students</source>
        <translation>Tous les élèves</translation>
    </message>
    <message>
        <source>My students</source>
        <translation>Mes élèves</translation>
    </message>
    <message>
        <source>Filter by name or username</source>
        <translation>Filtrer par nom ou nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>Grade {0}</source>
        <translation>{0}e année</translation>
    </message>
    <message>
        <source>Any plan status</source>
        <translation>Tous les statuts de plan</translation>
    </message>
    <message>
        <source>Any gender</source>
        <translation>Tous les genres</translation>
    </message>
    <message>
        <source>Any counsellor</source>
        <translation>Tous les conseillers</translation>
    </message>
    <message>
        <source>Any group</source>
        <translation>Tous les groupes</translation>
    </message>
    <message numerus="yes">
        <source>{0} of {1} students shown</source>
        <translation>
            <numerusform>{0} élève affiché sur {1}</numerusform>
            <numerusform>{0} élèves affichés sur {1}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudentTable</name>
    <message>
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>Statut du plan</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Préparation</translation>
    </message>
    <message>
        <source>{0} of {1} readiness requirements met</source>
        <translation>{0} exigences de préparation remplies sur {1}</translation>
    </message>
</context>
<context>
    <name>Students</name>
    <message>
        <source>This student does not exist or is not in your list.</source>
        <translation>Cet élève n&apos;existe pas ou ne fait pas partie de votre liste.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>{0} is required.</source>
        <translation>Le champ « {0} » est obligatoire.</translation>
    </message>
    <message>
        <source>{0} is longer than {1} characters.</source>
        <translation>Le champ « {0} » dépasse {1} caractères.</translation>
    </message>
    <message>
        <source>The grade must be between 1 and 12.</source>
        <translation>L&apos;année doit être entre 1 et 12.</translation>
    </message>
    <message>
        <source>Username is required.</source>
        <translation>Le nom d&apos;utilisateur est obligatoire.</translation>
    </message>
    <message>
        <source>A username has 3 to 64 characters: letters without accents, digits, dots, hyphens or underscores, starting with a letter or a digit.</source>
        <translation>Un nom d&apos;utilisateur compte de 3 à 64 caractères : lettres sans accents, chiffres, points, traits d&apos;union ou traits de soulignement, et commence par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>The username {0} is already taken in the school board. {1} is free.</source>
        <translation>Le nom d&apos;utilisateur {0} est déjà pris dans le conseil scolaire. {1} est libre.</translation>
    </message>
    <message>
        <source>Another student of this school has the student number {0}.</source>
        <translation>Un autre élève de cette école a le numéro d&apos;élève {0}.</translation>
    </message>
    <message>
        <source>The student number is too long.</source>
        <translation>Le numéro d&apos;élève est trop long.</translation>
    </message>
    <message>
        <source>{0} is not an email address.</source>
        <translation>{0} n&apos;est pas une adresse courriel.</translation>
    </message>
    <message>
        <source>The birth date must be in the past.</source>
        <translation>La date de naissance doit être dans le passé.</translation>
    </message>
    <message>
        <source>The birth date is before 1900.</source>
        <translation>La date de naissance est antérieure à 1900.</translation>
    </message>
    <message>
        <source>The expected graduation date must come after the birth date.</source>
        <translation>La date prévue d&apos;obtention du diplôme doit suivre la date de naissance.</translation>
    </message>
    <message>
        <source>An assigned counsellor is not staff of this school.</source>
        <translation>Un conseiller assigné ne fait pas partie du personnel de cette école.</translation>
    </message>
    <message>
        <source>Parent {0}: {1}</source>
        <translation>Parent {0} : {1}</translation>
    </message>
    <message>
        <source>first and last names are required.</source>
        <translation>le prénom et le nom de famille sont obligatoires.</translation>
    </message>
    <message>
        <source>a name is too long.</source>
        <translation>un nom est trop long.</translation>
    </message>
    <message>
        <source>the phone number is too long.</source>
        <translation>le numéro de téléphone est trop long.</translation>
    </message>
    <message>
        <source>This parent does not exist in this school.</source>
        <translation>Ce parent n&apos;existe pas dans cette école.</translation>
    </message>
    <message>
        <source>{0} contains a character that cannot be stored ({1}).</source>
        <translation>Le champ « {0} » contient un caractère qui ne peut pas être enregistré ({1}).</translation>
    </message>
    <message>
        <source>The student number contains a character that cannot be stored.</source>
        <translation>Le numéro d&apos;élève contient un caractère qui ne peut pas être enregistré.</translation>
    </message>
    <message>
        <source>The expected graduation year must be between {0} and {1}.</source>
        <translation>L&apos;année prévue d&apos;obtention du diplôme doit être entre {0} et {1}.</translation>
    </message>
    <message>
        <source>a character cannot be stored ({0}).</source>
        <translation>un caractère ne peut pas être enregistré ({0}).</translation>
    </message>
    <message>
        <source>Someone else changed this field while you were editing it. It now reads: {0}</source>
        <translation>Quelqu&apos;un d&apos;autre a modifié ce champ pendant que vous le modifiiez. Il indique maintenant : {0}</translation>
    </message>
</context>
</TS>
