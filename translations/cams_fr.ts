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
        <translation>Aucun membre du personnel actif ne porte le nom d&apos;utilisateur {0}.</translation>
    </message>
    <message>
        <source>See all students of the school</source>
        <extracomment>Cells (header included) from which characters an .xlsx cannot hold were removed, or whose over-long text was cut. Always 0 for CSV and text. Cells (header included) whose text was neutralised as a would-be formula.</extracomment>
        <translation>Voir tous les élèves de l&apos;école</translation>
    </message>
    <message>
        <source>See the student list (own students)</source>
        <translation>Voir la liste des élèves (ses élèves)</translation>
    </message>
    <message>
        <source>Search students, save searches</source>
        <extracomment>Rows between two calls of ``cancel`` and ``progress``.</extracomment>
        <translation>Rechercher des élèves, enregistrer des recherches</translation>
    </message>
    <message>
        <source>Export the student list</source>
        <translation>Exporter la liste des élèves</translation>
    </message>
    <message>
        <source>Add a student</source>
        <translation>Ajouter un(e) élève</translation>
    </message>
    <message>
        <source>Edit a student profile</source>
        <translation>Modifier le profil d&apos;un élève</translation>
    </message>
    <message>
        <source>Deactivate or reactivate a plan</source>
        <translation>Supprimer ou réactiver un plan</translation>
    </message>
    <message>
        <source>View plans, resumes, journals and readiness</source>
        <translation>Voir les plans, curriculum vitae, journaux et l&apos;état de préparation</translation>
    </message>
    <message>
        <source>View a student&apos;s login history</source>
        <translation>Voir l&apos;historique de connexion d&apos;un élève</translation>
    </message>
    <message>
        <source>Allow or stop inviting others</source>
        <translation>Permettre ou non d&apos;inviter des autres</translation>
    </message>
    <message>
        <source>Reset a student&apos;s password</source>
        <translation>Réinitialiser le mot de passe d&apos;un élève</translation>
    </message>
    <message>
        <source>Print usernames and login slips</source>
        <translation>Imprimer les noms d&apos;utilisateur et les fiches de connexion</translation>
    </message>
    <message>
        <source>Promote, demote or graduate students</source>
        <translation>Faire passer, rétrograder ou diplômer des élèves</translation>
    </message>
    <message>
        <source>Year-end rollover of the school</source>
        <translation>Passage de fin d&apos;année de l&apos;école</translation>
    </message>
    <message>
        <source>Transfer a student to another school</source>
        <translation>Transférer un élève dans une autre école</translation>
    </message>
    <message>
        <source>Import students from a roster file</source>
        <translation>Importer des élèves d&apos;un fichier de liste</translation>
    </message>
    <message>
        <source>Create private and shared groups</source>
        <translation>Créer des groupes privés et partagés</translation>
    </message>
    <message>
        <source>Create, edit and delete managed groups</source>
        <translation>Créer, modifier et supprimer des groupes gérés</translation>
    </message>
    <message>
        <source>Read notes on a student</source>
        <translation>Lire les notes sur un élève</translation>
    </message>
    <message>
        <source>Add a note (only the author edits it)</source>
        <translation>Ajouter une note (seul l&apos;auteur la modifie)</translation>
    </message>
    <message>
        <source>Read counselling logs</source>
        <translation>Lire les journaux de consultation</translation>
    </message>
    <message>
        <source>Write counselling log entries (only the author edits them)</source>
        <translation>Écrire des entrées au journal de consultation (seul l&apos;auteur les modifie)</translation>
    </message>
    <message>
        <source>Write group counselling entries</source>
        <translation>Écrire des entrées pour des groupes</translation>
    </message>
    <message>
        <source>Mark the annual review complete</source>
        <translation>Marquer la révision annuelle comme terminée</translation>
    </message>
    <message>
        <source>Send messages to own students</source>
        <translation>Envoyer des messages à ses élèves</translation>
    </message>
    <message>
        <source>Send messages to all students</source>
        <translation>Envoyer des messages à tous les élèves</translation>
    </message>
    <message>
        <source>See and delete sent messages</source>
        <translation>Voir et supprimer les messages envoyés</translation>
    </message>
    <message>
        <source>Give assignments (only the author edits them)</source>
        <translation>Donner des travaux (seul l&apos;auteur les modifie)</translation>
    </message>
    <message>
        <source>See parent accounts</source>
        <translation>Voir les comptes des parents</translation>
    </message>
    <message>
        <source>Generate and delete activation codes</source>
        <translation>Créer et supprimer des codes d&apos;activation</translation>
    </message>
    <message>
        <source>Read parent comments</source>
        <translation>Lire les commentaires du parent</translation>
    </message>
    <message>
        <source>Print parent access letters</source>
        <translation>Imprimer les lettres d&apos;accès des parents</translation>
    </message>
    <message>
        <source>See all staff</source>
        <translation>Voir tout le personnel</translation>
    </message>
    <message>
        <source>Add, edit, deactivate or unlock staff of a lower level</source>
        <translation>Ajouter, modifier, désactiver ou débloquer le personnel d&apos;un niveau inférieur</translation>
    </message>
    <message>
        <source>Reset a staff password</source>
        <translation>Réinitialiser le mot de passe d&apos;un membre du personnel</translation>
    </message>
    <message>
        <source>Read the staff change log</source>
        <translation>Lire le journal des changements</translation>
    </message>
    <message>
        <source>Edit my profile and password</source>
        <translation>Modifier mon profil et mon mot de passe</translation>
    </message>
    <message>
        <source>Assign students to any counsellor</source>
        <translation>Assigner des élèves à n&apos;importe quel conseiller</translation>
    </message>
    <message>
        <source>Add or remove students on my own list</source>
        <translation>Ajouter ou retirer des élèves de ma liste</translation>
    </message>
    <message>
        <source>See this permission table</source>
        <translation>Voir ce tableau des permissions</translation>
    </message>
    <message>
        <source>Plan options</source>
        <translation>Options du plan</translation>
    </message>
    <message>
        <source>Plan readiness standards</source>
        <translation>Normes de préparation du plan</translation>
    </message>
    <message>
        <source>Assessment options</source>
        <translation>Options d&apos;évaluation</translation>
    </message>
    <message>
        <source>Site settings, including the idle lock</source>
        <translation>Paramètres du site, dont le verrouillage après inactivité</translation>
    </message>
    <message>
        <source>Links and documents</source>
        <translation>Liens et documents</translation>
    </message>
    <message>
        <source>Special contacts</source>
        <translation>Contacts spéciaux</translation>
    </message>
    <message>
        <source>Add or edit courses</source>
        <translation>Ajouter ou modifier des cours</translation>
    </message>
    <message>
        <source>Run and export reports (own students for levels 3 and 4)</source>
        <translation>Produire et exporter des rapports (ses élèves aux niveaux 3 et 4)</translation>
    </message>
    <message>
        <source>Bulk print plans and resumes</source>
        <translation>Impression en série des plans et curriculum vitae</translation>
    </message>
    <message>
        <source>Connect to the school server</source>
        <translation>Se connecter au serveur de l&apos;école</translation>
    </message>
    <message>
        <source>Review and restore sync conflicts</source>
        <translation>Examiner et rétablir les conflits de synchronisation</translation>
    </message>
    <message>
        <source>Back up and restore the local database</source>
        <translation>Sauvegarder et restaurer la base de données locale</translation>
    </message>
    <message>
        <source>Notes, counselling log entries and assignments: only their author edits or deletes them.</source>
        <translation>Notes, entrées du journal de consultation et travaux : seul leur auteur les modifie ou les supprime.</translation>
    </message>
    <message>
        <source>Private notes: only their author reads them.</source>
        <translation>Notes privées : seul leur auteur les lit.</translation>
    </message>
    <message>
        <source>Groups: a private group is seen by its creator only; a shared group is seen, edited and deleted by everyone; a managed group is seen by everyone and edited by program administrators.</source>
        <translation>Groupes : un groupe privé n&apos;est vu que par son créateur; un groupe partagé est vu, modifié et supprimé par tous; un groupe géré est vu par tous et modifié par les administrateurs du programme.</translation>
    </message>
    <message>
        <source>Teachers and other staff: only the students of their own list, in lists, search, exports, reports, printing and messages.</source>
        <translation>Enseignants et autres membres du personnel : seulement les élèves de leur liste, dans les listes, la recherche, les exportations, les rapports, l&apos;impression et les messages.</translation>
    </message>
    <message>
        <source>Staff administration: an administrator manages staff of a lower level; nobody raises their own level.</source>
        <translation>Administration du personnel : un administrateur gère le personnel d&apos;un niveau inférieur; personne n&apos;élève son propre niveau.</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Élèves</translation>
    </message>
    <message>
        <source>Working with a student</source>
        <translation>Travailler avec un élève</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>Parents</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Customization</source>
        <translation>Personnalisation</translation>
    </message>
    <message>
        <source>Reports and printing</source>
        <translation>Rapports et impression</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Your account was deactivated or its access level changed. Sign in again to continue.</source>
        <translation>Votre compte a été désactivé ou son niveau d&apos;accès a changé. Ouvrez une nouvelle session pour continuer.</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Counsellor tool usage agreement</source>
        <translation>Entente relative à l&apos;outil administratif du conseiller</translation>
    </message>
    <message>
        <source>Read and accept the agreement (edition {0}) to use CAMS Desktop.</source>
        <translation>Lisez et acceptez l&apos;entente (édition {0}) pour utiliser CAMS Desktop.</translation>
    </message>
    <message>
        <source>I accept</source>
        <translation>J&apos;accepte</translation>
    </message>
    <message>
        <source>I decline</source>
        <translation>Je refuse</translation>
    </message>
</context>
<context>
    <name>AnnualReviewDialog</name>
    <message>
        <source>Annual review — {0} {1}</source>
        <translation>Révision annuelle — {0} {1}</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>Année scolaire</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Fait par</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>This school year&apos;s review</source>
        <translation>Révision de cette année scolaire</translation>
    </message>
    <message>
        <source>The student&apos;s grade ({0}) does not require an annual review.</source>
        <translation>L&apos;année de l&apos;élève ({0}) n&apos;exige pas de révision annuelle.</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Terminée le</translation>
    </message>
    <message>
        <source>Mark this year&apos;s review complete</source>
        <translation>Marquer la révision de cette année comme terminée</translation>
    </message>
    <message>
        <source>The comment you are writing is not saved. Close and lose it?</source>
        <translation>Le commentaire que vous rédigez n&apos;est pas enregistré. Fermer et le perdre?</translation>
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
    <name>Auth</name>
    <message>
        <source>Sign-in failed: check the school&apos;s site account, your username and your password, then try again. If you forgot your password, ask a program administrator of your school to reset it.</source>
        <translation>La connexion a échoué : vérifiez le compte du site de l&apos;école, votre nom d&apos;utilisateur et votre mot de passe, puis réessayez. Si vous avez oublié votre mot de passe, demandez à un administrateur du programme de votre école de le réinitialiser.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait {0} seconds, then try again.</source>
        <translation>Trop de tentatives échouées. Attendez {0} secondes, puis réessayez.</translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts, until {0}. An administrator of your school can unlock it sooner.</source>
        <translation>Ce compte est bloqué après trop de tentatives échouées, jusqu&apos;à {0}. Un administrateur de votre école peut le débloquer plus tôt.</translation>
    </message>
    <message>
        <source>This account is deactivated. Ask a program administrator of your school to reactivate it.</source>
        <translation>Ce compte est désactivé. Demandez à un administrateur du programme de votre école de le réactiver.</translation>
    </message>
    <message>
        <source>This staff member does not exist or was deleted.</source>
        <translation>Ce membre du personnel n&apos;existe pas ou a été supprimé.</translation>
    </message>
    <message>
        <source>This edition of the usage agreement does not exist.</source>
        <translation>Cette édition de l&apos;entente n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The password must have at least {0} characters.</source>
        <translation>Le mot de passe doit compter au moins {0} caractères.</translation>
    </message>
    <message>
        <source>The password must have at most {0} characters.</source>
        <translation>Le mot de passe doit compter au plus {0} caractères.</translation>
    </message>
    <message>
        <source>The password must not begin or end with a space.</source>
        <translation>Le mot de passe ne doit pas commencer ni finir par une espace.</translation>
    </message>
    <message>
        <source>The password is too simple: mix letters with digits, capitals, spaces or punctuation, or use a few words.</source>
        <translation>Le mot de passe est trop simple : mêlez des lettres à des chiffres, des majuscules, des espaces ou de la ponctuation, ou utilisez quelques mots.</translation>
    </message>
    <message>
        <source>The password must not contain your name or username.</source>
        <translation>Le mot de passe ne doit pas contenir votre nom ni votre nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>This password is one of the first that anyone would try.</source>
        <translation>Ce mot de passe est parmi les premiers que n&apos;importe qui essaierait.</translation>
    </message>
    <message>
        <source>The new password must be different from the current one.</source>
        <translation>Le nouveau mot de passe doit être différent de l&apos;actuel.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>Le mot de passe actuel n&apos;est pas le bon.</translation>
    </message>
    <message>
        <source>Enter the username of the school&apos;s site account.</source>
        <translation>Entrez le nom d&apos;utilisateur du compte du site de l&apos;école.</translation>
    </message>
    <message>
        <source>The site account&apos;s username must have at most 64 characters, without control characters.</source>
        <translation>Le nom d&apos;utilisateur du compte du site compte au plus 64 caractères, sans caractères de contrôle.</translation>
    </message>
    <message>
        <source>The idle lock must be between 0 (never) and {0} minutes.</source>
        <translation>Le verrouillage après inactivité doit être entre 0 (jamais) et {0} minutes.</translation>
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
    <name>CaseloadDialog</name>
    <message>
        <source>Assign students to a counsellor</source>
        <translation>Assigner des élèves à un conseiller</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Name or username</source>
        <translation>Nom ou nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Last names from</source>
        <translation>Noms de famille de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Add →</source>
        <translation>Ajouter →</translation>
    </message>
    <message>
        <source>Add all shown →</source>
        <translation>Ajouter tous ceux affichés →</translation>
    </message>
    <message>
        <source>← Remove</source>
        <translation>← Retirer</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>Students who can be added: {0}</source>
        <translation>Élèves qui peuvent être ajoutés : {0}</translation>
    </message>
    <message>
        <source>Students of this counsellor: {0}</source>
        <translation>Élèves de ce conseiller : {0}</translation>
    </message>
    <message>
        <source>Students on my list</source>
        <translation>Élèves de ma liste</translation>
    </message>
    <message>
        <source>Type at least two letters of a name or username.</source>
        <translation>Tapez au moins deux lettres d&apos;un nom ou d&apos;un nom d&apos;utilisateur.</translation>
    </message>
</context>
<context>
    <name>Caseloads</name>
    <message>
        <source>This staff member does not exist or is not active.</source>
        <translation>Ce membre du personnel n&apos;existe pas ou n&apos;est pas actif.</translation>
    </message>
    <message>
        <source>A chosen student does not exist or is not in this school.</source>
        <translation>Un élève choisi n&apos;existe pas ou ne fait pas partie de cette école.</translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <source>Staff change log</source>
        <translation>Journal des changements</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Staff member: {0}
Changed by: {1}
Field: {2}

Before:
{3}

After:
{4}</source>
        <translation>Membre du personnel : {0}
Modifié par : {1}
Champ : {2}

Avant :
{3}

Après :
{4}</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts and refused changes</source>
        <translation>Conflits et modifications refusées</translation>
    </message>
    <message>
        <source>Changes of this desktop</source>
        <translation>Modifications de ce poste</translation>
    </message>
    <message>
        <source>Open conflicts on the server</source>
        <translation>Conflits ouverts sur le serveur</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Modifié par</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Before both</source>
        <translation>Avant les deux</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Merged value</source>
        <translation>Valeur fusionnée</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Keep the server&apos;s value</source>
        <translation>Garder la valeur du serveur</translation>
    </message>
    <message>
        <source>Take the desktop&apos;s value</source>
        <translation>Prendre la valeur du poste</translation>
    </message>
    <message>
        <source>Merge (the edited values)</source>
        <translation>Fusionner (les valeurs modifiées)</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Reading the server&apos;s conflicts…</source>
        <translation>Lecture des conflits du serveur…</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s) on the server.</source>
        <translation>
            <numerusform>%n conflit ouvert sur le serveur.</numerusform>
            <numerusform>%n conflits ouverts sur le serveur.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CounsellingLogDialog</name>
    <message>
        <source>(group)</source>
        <translation>(groupe)</translation>
    </message>
    <message>
        <source>Counselling log — {0} {1}</source>
        <translation>Journal de consultation — {0} {1}</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Date de la rencontre</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>This entry is a copy of a group entry: to change it, edit the group entry (Group entries).</source>
        <translation>Cette entrée est une copie d&apos;une entrée de groupe : pour la changer, modifiez l&apos;entrée de groupe (Gérer les entrées pour des groupes).</translation>
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
        <source>Delete this entry?</source>
        <translation>Supprimer cette entrée?</translation>
    </message>
    <message>
        <source>The entry you are writing is not saved. Close and lose it?</source>
        <translation>L&apos;entrée que vous rédigez n&apos;est pas enregistrée. Fermer et la perdre?</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Nouvelle entrée</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>Ajouter l&apos;entrée</translation>
    </message>
    <message>
        <source>Editing your entry</source>
        <translation>Modification de votre entrée</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
</context>
<context>
    <name>CreateCodesDialog</name>
    <message>
        <source>Create activation codes</source>
        <translation>Créer des codes d&apos;activation</translation>
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
        <source>Counsellor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Usernames (optional)</source>
        <translation>Noms d&apos;utilisateur (facultatif)</translation>
    </message>
    <message>
        <source>Which students</source>
        <translation>Quels élèves</translation>
    </message>
    <message>
        <source>Valid for (days)</source>
        <translation>Valide pendant (jours)</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>Toutes les années</translation>
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
        <source>Only those without a valid code</source>
        <translation>Seulement ceux qui n&apos;ont pas de code valide</translation>
    </message>
    <message>
        <source>All (older codes are replaced)</source>
        <translation>Tous (les anciens codes sont remplacés)</translation>
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
    <name>GradeMoveDialog</name>
    <message>
        <source>Promote students</source>
        <translation>Faire passer les élèves</translation>
    </message>
    <message>
        <source>Move students up one grade. Students in grade 12 stay where they are: graduate them instead.</source>
        <translation>Faire passer les élèves à l&apos;année suivante. Les élèves de 12e année restent où ils sont : diplômez-les plutôt.</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Faire passer</translation>
    </message>
    <message>
        <source>Demote students</source>
        <translation>Rétrograder les élèves</translation>
    </message>
    <message>
        <source>Move students down one grade. Students in grade 1 stay where they are.</source>
        <translation>Rétrograder les élèves d&apos;une année. Les élèves de 1re année restent où ils sont.</translation>
    </message>
    <message>
        <source>Demote</source>
        <translation>Rétrograder</translation>
    </message>
    <message>
        <source>Graduate students</source>
        <translation>Diplômer les élèves</translation>
    </message>
    <message>
        <source>Graduated students leave the lists; their plan becomes inactive and stays readable by the student. Nothing is deleted.</source>
        <translation>Les élèves diplômés quittent les listes; leur plan devient inactif et reste consultable par l&apos;élève. Rien n&apos;est supprimé.</translation>
    </message>
    <message>
        <source>Graduate</source>
        <translation>Diplômer</translation>
    </message>
    <message>
        <source>The selected students ({0})</source>
        <translation>Les élèves sélectionnés ({0})</translation>
    </message>
    <message>
        <source>Every active plan of a grade:</source>
        <translation>Tous les plans actifs d&apos;une année :</translation>
    </message>
    <message numerus="yes">
        <source>Grade {0} ({1} students)</source>
        <translation>
            <numerusform>Année {0} ({1} élève)</numerusform>
            <numerusform>Année {0} ({1} élèves)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students will move up one grade.</source>
        <translation>
            <numerusform>{0} élève passera à l&apos;année suivante.</numerusform>
            <numerusform>{0} élèves passeront à l&apos;année suivante.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students will move down one grade.</source>
        <translation>
            <numerusform>{0} élève sera rétrogradé d&apos;une année.</numerusform>
            <numerusform>{0} élèves seront rétrogradés d&apos;une année.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students promoted.</source>
        <translation>
            <numerusform>{0} élève est passé à l&apos;année suivante.</numerusform>
            <numerusform>{0} élèves sont passés à l&apos;année suivante.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students demoted.</source>
        <translation>
            <numerusform>{0} élève rétrogradé.</numerusform>
            <numerusform>{0} élèves rétrogradés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students graduated.</source>
        <translation>
            <numerusform>{0} élève diplômé.</numerusform>
            <numerusform>{0} élèves diplômés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students stayed as they were:</source>
        <translation>
            <numerusform>{0} élève est resté tel quel :</numerusform>
            <numerusform>{0} élèves sont restés tels quels :</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} (grade {1}): {2}</source>
        <translation>{0} (année {1}) : {2}</translation>
    </message>
    <message numerus="yes">
        <source>{0} students will graduate: their plans are deactivated. Reactivating a plan undoes a graduation.</source>
        <translation>
            <numerusform>{0} élève obtiendra son diplôme : son plan est désactivé. Réactiver un plan annule la diplomation.</numerusform>
            <numerusform>{0} élèves obtiendront leur diplôme : leurs plans sont désactivés. Réactiver un plan annule la diplomation.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Grades</name>
    <message>
        <source>Promoted</source>
        <translation>Passé à l&apos;année suivante</translation>
    </message>
    <message>
        <source>Demoted</source>
        <translation>Rétrogradé</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>Diplômé</translation>
    </message>
    <message>
        <source>Year-end rollover</source>
        <translation>Passage à l&apos;année suivante</translation>
    </message>
    <message>
        <source>Rollover undone</source>
        <translation>Passage annulé</translation>
    </message>
    <message>
        <source>Already in grade {0}, the last grade: use Graduate.</source>
        <translation>Déjà en année {0}, la dernière année : utilisez Diplômer.</translation>
    </message>
    <message>
        <source>Already in grade {0}, the first grade.</source>
        <translation>Déjà en année {0}, la première année.</translation>
    </message>
    <message>
        <source>Already graduated.</source>
        <translation>Déjà diplômé.</translation>
    </message>
    <message>
        <source>Plan inactive.</source>
        <translation>Plan inactif.</translation>
    </message>
    <message>
        <source>Already rolled over for {0}.</source>
        <translation>Passage à {0} déjà fait.</translation>
    </message>
    <message>
        <source>The school was already rolled over for {0}, a later year.</source>
        <translation>L&apos;école est déjà passée à {0}, une année ultérieure.</translation>
    </message>
    <message>
        <source>Grade changed since the rollover (now {0}).</source>
        <translation>Année modifiée depuis le passage (maintenant {0}).</translation>
    </message>
    <message>
        <source>Plan status changed since the rollover.</source>
        <translation>État du plan modifié depuis le passage.</translation>
    </message>
    <message>
        <source>No longer a student of this school.</source>
        <translation>N&apos;est plus un élève de cette école.</translation>
    </message>
    <message>
        <source>Graduates</source>
        <translation>Obtient son diplôme</translation>
    </message>
    <message>
        <source>Finishing elementary school — transfer them</source>
        <translation>Termine le primaire — à transférer</translation>
    </message>
    <message>
        <source>The grade must be between 1 and 12.</source>
        <translation>L&apos;année doit être entre 1 et 12.</translation>
    </message>
    <message>
        <source>Write the school year as two years that follow, like 2026-2027.</source>
        <translation>Écrivez l&apos;année scolaire sous forme de deux années qui se suivent, comme 2026-2027.</translation>
    </message>
    <message>
        <source>There is no rollover to undo.</source>
        <translation>Il n&apos;y a aucun passage à annuler.</translation>
    </message>
    <message>
        <source>Students changed since the preview was made; nothing was changed. Preview the rollover again.</source>
        <translation>Des élèves ont changé depuis l&apos;aperçu; rien n&apos;a été modifié. Refaites l&apos;aperçu du passage.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Annulé; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Graduation undone</source>
        <translation>Diplomation annulée</translation>
    </message>
</context>
<context>
    <name>GroupEntriesDialog</name>
    <message>
        <source>Group entries</source>
        <translation>Gérer les entrées pour des groupes</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Date de la rencontre</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Élèves</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Set members to the selected students</source>
        <translation>Remplacer les élèves par les élèves sélectionnés</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Annuler la modification</translation>
    </message>
    <message>
        <source>{0} added, {1} removed</source>
        <translation>{0} ajouté(s), {1} retiré(s)</translation>
    </message>
    <message>
        <source>Make the {0} selected students the students of this group entry? Students not selected lose their copy.</source>
        <translation>Faire des {0} élèves sélectionnés les élèves de cette entrée de groupe? Les élèves non sélectionnés perdent leur copie.</translation>
    </message>
    <message>
        <source>The entry you are writing is not saved. Close and lose it?</source>
        <translation>L&apos;entrée que vous rédigez n&apos;est pas enregistrée. Fermer et la perdre?</translation>
    </message>
    <message>
        <source>Editing the group entry: the change reaches every student of the group.</source>
        <translation>Modification de l&apos;entrée de groupe : le changement s&apos;applique à chaque élève du groupe.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <source>New group entry</source>
        <translation>Nouvelle entrée de groupe</translation>
    </message>
    <message>
        <source>New group entry for the selected student</source>
        <translation>Nouvelle entrée de groupe pour l&apos;élève sélectionné(e)</translation>
    </message>
    <message>
        <source>New group entry for the {0} selected students</source>
        <translation>Nouvelle entrée de groupe pour les {0} élèves sélectionnés</translation>
    </message>
</context>
<context>
    <name>GroupMembershipDialog</name>
    <message>
        <source>Add to group</source>
        <translation>Ajouter au groupe</translation>
    </message>
    <message numerus="yes">
        <source>Add {0} selected students to:</source>
        <translation>
            <numerusform>Ajouter {0} élève sélectionné au groupe :</numerusform>
            <numerusform>Ajouter {0} élèves sélectionnés au groupe :</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Retirer du groupe</translation>
    </message>
    <message numerus="yes">
        <source>Remove {0} selected students from:</source>
        <translation>
            <numerusform>Retirer {0} élève sélectionné du groupe :</numerusform>
            <numerusform>Retirer {0} élèves sélectionnés du groupe :</numerusform>
        </translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>There is no group you can change. Create one with Students › Manage groups.</source>
        <translation>Il n&apos;y a aucun groupe que vous pouvez modifier. Créez-en un avec Élèves › Gérer les groupes.</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>This group does not exist or is not visible to you.</source>
        <translation>Ce groupe n&apos;existe pas ou ne vous est pas visible.</translation>
    </message>
    <message>
        <source>A chosen student does not exist or is not in your list; no group was changed.</source>
        <translation>Un ou une élève choisi n&apos;existe pas ou n&apos;est pas dans votre liste; aucun groupe n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>Donnez un nom au groupe.</translation>
    </message>
    <message>
        <source>A group name holds at most {0} characters.</source>
        <translation>Le nom d&apos;un groupe compte au plus {0} caractères.</translation>
    </message>
    <message>
        <source>The name contains a character that cannot be stored ({0}).</source>
        <translation>Le nom contient un caractère qui ne peut pas être enregistré ({0}).</translation>
    </message>
    <message>
        <source>There is already a group named “{0}”.</source>
        <translation>Il existe déjà un groupe nommé « {0} ».</translation>
    </message>
</context>
<context>
    <name>GroupsDialog</name>
    <message>
        <source>Manage groups</source>
        <translation>Gérer les groupes</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Élèves</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Nouveau groupe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Create the group</source>
        <translation>Créer le groupe</translation>
    </message>
    <message>
        <source>Rename the group</source>
        <translation>Renommer le groupe</translation>
    </message>
    <message>
        <source>New name of the group:</source>
        <translation>Nouveau nom du groupe :</translation>
    </message>
    <message>
        <source>Delete the group</source>
        <translation>Supprimer le groupe</translation>
    </message>
    <message>
        <source>Delete the group “{0}”? Its students stay in the school; only the group goes.</source>
        <translation>Supprimer le groupe « {0} »? Ses élèves restent à l&apos;école; seul le groupe disparaît.</translation>
    </message>
    <message>
        <source>Private (only I see it)</source>
        <translation>Privé (visible par moi seulement)</translation>
    </message>
    <message>
        <source>Shared (everyone sees and changes it)</source>
        <translation>Partagé (tout le monde le voit et le modifie)</translation>
    </message>
    <message>
        <source>Managed (everyone sees it; program administrators change it)</source>
        <translation>Géré (tout le monde le voit; les administrateurs du programme le modifient)</translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <source>A topic needs a label in both languages.</source>
        <translation>Un sujet a besoin d&apos;un libellé dans les deux langues.</translation>
    </message>
    <message>
        <source>The label contains a character that cannot be stored ({0}).</source>
        <translation>Le libellé contient un caractère qui ne peut pas être enregistré ({0}).</translation>
    </message>
    <message>
        <source>A label holds at most {0} characters.</source>
        <translation>Un libellé compte au plus {0} caractères.</translation>
    </message>
    <message>
        <source>An entry needs a subject.</source>
        <translation>Une entrée a besoin d&apos;un objet.</translation>
    </message>
    <message>
        <source>The subject contains a character that cannot be stored ({0}).</source>
        <translation>L&apos;objet contient un caractère qui ne peut pas être enregistré ({0}).</translation>
    </message>
    <message>
        <source>A subject holds at most {0} characters.</source>
        <translation>Un objet compte au plus {0} caractères.</translation>
    </message>
    <message>
        <source>The description contains a character that cannot be stored ({0}).</source>
        <translation>La description contient un caractère qui ne peut pas être enregistré ({0}).</translation>
    </message>
    <message>
        <source>A description holds at most {0} characters.</source>
        <translation>Une description compte au plus {0} caractères.</translation>
    </message>
    <message>
        <source>The session date cannot be in the future.</source>
        <translation>La date de la rencontre ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>The session date cannot be before 2000.</source>
        <translation>La date de la rencontre ne peut pas être antérieure à 2000.</translation>
    </message>
    <message>
        <source>This topic is not in the school&apos;s list.</source>
        <translation>Ce sujet ne fait pas partie de la liste de l&apos;école.</translation>
    </message>
    <message>
        <source>This entry does not exist or was deleted.</source>
        <translation>Cette entrée n&apos;existe pas ou a été supprimée.</translation>
    </message>
    <message>
        <source>This entry belongs to a group entry: edit the group entry.</source>
        <translation>Cette entrée fait partie d&apos;une entrée de groupe : modifiez l&apos;entrée de groupe.</translation>
    </message>
    <message>
        <source>Choose at least one student.</source>
        <translation>Choisissez au moins un élève.</translation>
    </message>
    <message>
        <source>This group entry does not exist or was deleted.</source>
        <translation>Cette entrée de groupe n&apos;existe pas ou a été supprimée.</translation>
    </message>
    <message>
        <source>There is no grade {0}.</source>
        <translation>Il n&apos;y a pas de {0}e année.</translation>
    </message>
    <message>
        <source>The review date cannot be in the future.</source>
        <translation>La date de la révision ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>The review date must be in this school year.</source>
        <translation>La date de la révision doit être dans l&apos;année scolaire en cours.</translation>
    </message>
    <message>
        <source>The comment contains a character that cannot be stored ({0}).</source>
        <translation>Le commentaire contient un caractère qui ne peut pas être enregistré ({0}).</translation>
    </message>
    <message>
        <source>A comment holds at most {0} characters.</source>
        <translation>Un commentaire compte au plus {0} caractères.</translation>
    </message>
    <message>
        <source>The readiness standards do not require an annual review in grade {0}.</source>
        <translation>Les normes de préparation n&apos;exigent pas de révision annuelle en {0}e année.</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Laissé de côté</translation>
    </message>
    <message>
        <source>File and line</source>
        <translation>Fichier et ligne</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>Changes or reason</source>
        <translation>Changements ou raison</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import students</source>
        <translation>Importer des élèves</translation>
    </message>
    <message>
        <source>Choose the file exported by the school&apos;s information system: a CSV or Excel file, or a OneRoster or School Data Sync folder or zip file. Nothing is written before you have seen the preview and pressed Import.</source>
        <translation>Choisissez le fichier exporté par le système d&apos;information de l&apos;école : un fichier CSV ou Excel, ou un dossier ou un fichier zip OneRoster ou School Data Sync. Rien n&apos;est enregistré avant que vous ayez vu l&apos;aperçu et cliqué sur Importer.</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Choisir un dossier…</translation>
    </message>
    <message>
        <source>Say which column of the file holds each value. First name, last name and grade are required; the school remembers your choice for the next file laid out the same way.</source>
        <translation>Indiquez quelle colonne du fichier contient chaque valeur. Le prénom, le nom et l&apos;année sont obligatoires; l&apos;école retient votre choix pour le prochain fichier présenté de la même façon.</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(absent du fichier)</translation>
    </message>
    <message>
        <source>Dates such as 04/02/2010</source>
        <translation>Dates comme 04/02/2010</translation>
    </message>
    <message>
        <source>Tell from the dates</source>
        <translation>Déduire des dates</translation>
    </message>
    <message>
        <source>Day first (04/02/2010 is February 4)</source>
        <translation>Jour d&apos;abord (04/02/2010 est le 4 février)</translation>
    </message>
    <message>
        <source>Month first (04/02/2010 is April 2)</source>
        <translation>Mois d&apos;abord (04/02/2010 est le 2 avril)</translation>
    </message>
    <message>
        <source>The file lists students of several schools. Check the school or schools whose students belong to this school.</source>
        <translation>Le fichier contient des élèves de plusieurs écoles. Cochez l&apos;école ou les écoles dont les élèves appartiennent à cette école.</translation>
    </message>
    <message>
        <source>Show only the rows in error</source>
        <translation>Afficher seulement les lignes en erreur</translation>
    </message>
    <message>
        <source>New students</source>
        <translation>Nouveaux élèves</translation>
    </message>
    <message>
        <source>Students to update</source>
        <translation>Élèves à mettre à jour</translation>
    </message>
    <message>
        <source>Students unchanged</source>
        <translation>Élèves inchangés</translation>
    </message>
    <message>
        <source>Rows in error (not imported)</source>
        <translation>Lignes en erreur (non importées)</translation>
    </message>
    <message>
        <source>Rows left out</source>
        <translation>Lignes laissées de côté</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Choose the roster file</source>
        <translation>Choisir le fichier des élèves</translation>
    </message>
    <message>
        <source>Roster files (*.csv *.txt *.xlsx *.zip);;All files (*)</source>
        <translation>Fichiers d&apos;élèves (*.csv *.txt *.xlsx *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the roster folder</source>
        <translation>Choisir le dossier des élèves</translation>
    </message>
    <message>
        <source>The import failed; nothing was imported. ({0})</source>
        <translation>L&apos;importation a échoué; rien n&apos;a été importé. ({0})</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>1. The file</source>
        <translation>1. Le fichier</translation>
    </message>
    <message>
        <source>2. The columns</source>
        <translation>2. Les colonnes</translation>
    </message>
    <message>
        <source>3. The schools</source>
        <translation>3. Les écoles</translation>
    </message>
    <message>
        <source>4. Preview: nothing is written yet</source>
        <translation>4. Aperçu : rien n&apos;est encore enregistré</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Choose the file, folder or zip to import.</source>
        <translation>Choisissez le fichier, le dossier ou le fichier zip à importer.</translation>
    </message>
    <message>
        <source>{0} does not exist.</source>
        <translation>{0} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>Choose the column of: {0}.</source>
        <translation>Choisissez la colonne de : {0}.</translation>
    </message>
    <message numerus="yes">
        <source>{0} — {1} ({2} rows)</source>
        <translation>
            <numerusform>{0} — {1} ({2} ligne)</numerusform>
            <numerusform>{0} — {1} ({2} lignes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Check at least one school.</source>
        <translation>Cochez au moins une école.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Préparation de l&apos;aperçu…</translation>
    </message>
    <message numerus="yes">
        <source>{0} passwords in the file will be ignored: passwords are never stored.</source>
        <translation>
            <numerusform>{0} mot de passe du fichier sera ignoré : les mots de passe ne sont jamais enregistrés.</numerusform>
            <numerusform>{0} mots de passe du fichier seront ignorés : les mots de passe ne sont jamais enregistrés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} active students of the school are not in this file.</source>
        <translation>
            <numerusform>{0} élève actif de l&apos;école n&apos;est pas dans ce fichier.</numerusform>
            <numerusform>{0} élèves actifs de l&apos;école ne sont pas dans ce fichier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and {0} more</source>
        <translation>
            <numerusform>et {0} autre</numerusform>
            <numerusform>et {0} autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deactivate the plans of these {0} students</source>
        <translation>
            <numerusform>Supprimer le plan de cet élève ({0})</numerusform>
            <numerusform>Supprimer le plan de ces {0} élèves</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message numerus="yes">
        <source>{0} students added.</source>
        <translation>
            <numerusform>{0} élève ajouté.</numerusform>
            <numerusform>{0} élèves ajoutés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students updated.</source>
        <translation>
            <numerusform>{0} élève mis à jour.</numerusform>
            <numerusform>{0} élèves mis à jour.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students unchanged.</source>
        <translation>
            <numerusform>{0} élève inchangé.</numerusform>
            <numerusform>{0} élèves inchangés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} plans deactivated.</source>
        <translation>
            <numerusform>{0} plan supprimé.</numerusform>
            <numerusform>{0} plans supprimés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} rows in error were not imported.</source>
        <translation>
            <numerusform>{0} ligne en erreur n&apos;a pas été importée.</numerusform>
            <numerusform>{0} lignes en erreur n&apos;ont pas été importées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} passwords in the file were ignored: passwords are never stored.</source>
        <translation>
            <numerusform>{0} mot de passe du fichier a été ignoré : les mots de passe ne sont jamais enregistrés.</numerusform>
            <numerusform>{0} mots de passe du fichier ont été ignorés : les mots de passe ne sont jamais enregistrés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This import will deactivate the plans of {0} of the {1} active students of the school. Deactivate them?</source>
        <translation>
            <numerusform>Cette importation désactivera le plan de {0} des {1} élèves actifs de l’école. Le désactiver?</numerusform>
            <numerusform>Cette importation désactivera les plans de {0} des {1} élèves actifs de l’école. Les désactiver?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <source>My Journal — {0} {1}</source>
        <translation>Mon Journal — {0} {1}</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Écrit le</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>The student has written nothing yet.</source>
        <translation>L&apos;élève n&apos;a encore rien écrit.</translation>
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
    <message>
        <source>Access level</source>
        <translation>Niveau d&apos;accès</translation>
    </message>
    <message>
        <source>Active account</source>
        <translation>Compte actif</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>Doit changer de mot de passe</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Bloqué jusqu&apos;à</translation>
    </message>
    <message>
        <source>Agreement accepted (edition)</source>
        <translation>Entente acceptée (édition)</translation>
    </message>
    <message>
        <source>Agreement accepted on</source>
        <translation>Entente acceptée le</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <source>CAMS Desktop was locked after a time without activity. Enter the password of {0} to continue where you were.</source>
        <translation>CAMS Desktop a été verrouillé après une période d&apos;inactivité. Entrez le mot de passe de {0} pour reprendre là où vous étiez.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Fermer la session</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the account is locked until {0}.</source>
        <translation>Trop de mots de passe erronés : le compte est bloqué jusqu&apos;à {0}.</translation>
    </message>
    <message>
        <source>That is not the right password.</source>
        <translation>Ce n&apos;est pas le bon mot de passe.</translation>
    </message>
    <message>
        <source>Sign out and close CAMS Desktop? Unsaved changes are lost.</source>
        <translation>Fermer la session et quitter CAMS Desktop? Les modifications non enregistrées seront perdues.</translation>
    </message>
</context>
<context>
    <name>LogEntryEditor</name>
    <message>
        <source>Session date</source>
        <translation>Date de la rencontre</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Subject *</source>
        <translation>Objet *</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>(no topic)</source>
        <translation>(aucun sujet)</translation>
    </message>
</context>
<context>
    <name>LoginHistoryDialog</name>
    <message>
        <source>Login history — {0} {1}</source>
        <translation>Historique des connexions — {0} {1}</translation>
    </message>
    <message numerus="yes">
        <source>{0} logins</source>
        <translation>
            <numerusform>{0} connexion</numerusform>
            <numerusform>{0} connexions</numerusform>
        </translation>
    </message>
    <message>
        <source>The student has never signed in.</source>
        <translation>L&apos;élève ne s&apos;est encore jamais connecté à son plan.</translation>
    </message>
    <message>
        <source>Last login: {0}</source>
        <translation>Dernière connexion : {0}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Planning site</source>
        <translation>Site de planification</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>Application mobile</translation>
    </message>
</context>
<context>
    <name>MailSettingsDialog</name>
    <message>
        <source>Email settings</source>
        <translation>Paramètres du courriel</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Serveur de courriel</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Adresse de l&apos;expéditeur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <translation>Aucune (non chiffré)</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored password</source>
        <translation>Laisser vide pour garder le mot de passe enregistré</translation>
    </message>
    <message>
        <source>Remove the stored password</source>
        <translation>Supprimer le mot de passe enregistré</translation>
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
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>Counsellor administration</source>
        <translation>Administration des conseillers</translation>
    </message>
    <message>
        <source>Assign students to a counsellor</source>
        <translation>Assigner des élèves à un conseiller</translation>
    </message>
    <message>
        <source>Students on my list</source>
        <translation>Élèves de ma liste</translation>
    </message>
    <message>
        <source>Access levels and permissions</source>
        <translation>Niveaux d&apos;accès et permissions</translation>
    </message>
    <message>
        <source>&amp;My account</source>
        <translation>&amp;Mon compte</translation>
    </message>
    <message>
        <source>Edit my profile</source>
        <translation>Modifier mon profil</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Verrouiller maintenant</translation>
    </message>
    <message>
        <source>Print login slips…</source>
        <translation>Imprimer les fiches de connexion…</translation>
    </message>
    <message>
        <source>&amp;Parents</source>
        <translation>&amp;Parents</translation>
    </message>
    <message>
        <source>Parent portal accounts</source>
        <translation>Comptes du portail des parents</translation>
    </message>
    <message>
        <source>Print parent access letters…</source>
        <translation>Imprimer les lettres d&apos;accès des parents…</translation>
    </message>
    <message>
        <source>Site settings</source>
        <translation>Paramètres du site</translation>
    </message>
    <message>
        <source>Counselling log</source>
        <translation>Journal de consultation</translation>
    </message>
    <message>
        <source>Annual review</source>
        <translation>Révision annuelle</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer un message</translation>
    </message>
    <message>
        <source>View My Journal</source>
        <translation>Voir Mon Journal</translation>
    </message>
    <message>
        <source>Parent comments</source>
        <translation>Commentaires du parent</translation>
    </message>
    <message>
        <source>Manage counselling logs</source>
        <translation>Gérer les journaux de consultation</translation>
    </message>
    <message>
        <source>Group entries</source>
        <translation>Gérer les entrées pour des groupes</translation>
    </message>
    <message>
        <source>Send a message…</source>
        <translation>Envoyer un message…</translation>
    </message>
    <message>
        <source>Manage messages</source>
        <translation>Gérer les messages</translation>
    </message>
    <message>
        <source>Email settings</source>
        <translation>Paramètres de courriel</translation>
    </message>
    <message>
        <source>Import students…</source>
        <translation>Importer des élèves…</translation>
    </message>
    <message>
        <source>Advanced search…</source>
        <translation>Recherche avancée…</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Recherches enregistrées</translation>
    </message>
    <message>
        <source>Manage groups</source>
        <translation>Gérer les groupes</translation>
    </message>
    <message>
        <source>Add to group…</source>
        <translation>Ajouter au groupe…</translation>
    </message>
    <message>
        <source>Remove from group…</source>
        <translation>Retirer du groupe…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>Login history</source>
        <translation>Historique des connexions</translation>
    </message>
    <message>
        <source>Allow inviting others</source>
        <translation>Permettre d&apos;inviter d&apos;autres personnes</translation>
    </message>
    <message>
        <source>Plan options…</source>
        <translation>Options du plan…</translation>
    </message>
    <message>
        <source>Promote…</source>
        <translation>Faire passer…</translation>
    </message>
    <message>
        <source>Demote…</source>
        <translation>Rétrograder…</translation>
    </message>
    <message>
        <source>Graduate…</source>
        <translation>Diplômer…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Transférer…</translation>
    </message>
    <message>
        <source>Year-end rollover…</source>
        <translation>Passage à l&apos;année suivante…</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <source>Year-end rollover</source>
        <translation>Passage à l&apos;année suivante</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message numerus="yes">
        <source>Give these students a new password? Their current password stops working at once.

{0}</source>
        <translation>
            <numerusform>Donner un nouveau mot de passe à cet élève? Son mot de passe actuel cessera de fonctionner immédiatement.

{0}</numerusform>
            <numerusform>Donner un nouveau mot de passe à ces élèves? Leur mot de passe actuel cessera de fonctionner immédiatement.

{0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop the selected students from inviting others?

Invitations already made: {0}. They are kept, but the planning site stops sharing the plans until inviting is allowed again.

{1}</source>
        <translation>Empêcher les élèves choisis d&apos;inviter d&apos;autres personnes?

Invitations déjà faites : {0}. Elles sont conservées, mais le site de planification cesse de partager les plans jusqu&apos;à ce que les invitations soient permises de nouveau.

{1}</translation>
    </message>
    <message>
        <source>No saved search yet</source>
        <translation>Aucune recherche enregistrée</translation>
    </message>
    <message>
        <source>Added to “{0}”: {1}; already in it: {2}.</source>
        <translation>Ajoutés à « {0} » : {1}; déjà membres : {2}.</translation>
    </message>
    <message>
        <source>Removed from “{0}”: {1}; not in it: {2}.</source>
        <translation>Retirés de « {0} » : {1}; n&apos;en faisaient pas partie : {2}.</translation>
    </message>
    <message>
        <source>Promote/demote students</source>
        <translation>Faire passer/rétrograder les élèves</translation>
    </message>
    <message>
        <source>School server…</source>
        <translation>Serveur de l&apos;école…</translation>
    </message>
    <message>
        <source>Sync conflicts and refused changes…</source>
        <translation>Conflits de synchronisation et modifications refusées…</translation>
    </message>
    <message>
        <source>Server password…</source>
        <translation>Mot de passe du serveur…</translation>
    </message>
    <message>
        <source>Synchronize now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
</context>
<context>
    <name>ManageLogsDialog</name>
    <message>
        <source>Manage counselling logs</source>
        <translation>Gérer les journaux de consultation</translation>
    </message>
    <message>
        <source>Name or username</source>
        <translation>Nom ou nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Open the log</source>
        <translation>Ouvrir le journal</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Counsellors</source>
        <translation>Conseillers</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>All counsellors</source>
        <translation>Tous les conseillers</translation>
    </message>
    <message>
        <source>This student is no longer in your list.</source>
        <translation>Cet élève ne fait plus partie de votre liste.</translation>
    </message>
    <message>
        <source>Students shown: {0}</source>
        <translation>Élèves affichés : {0}</translation>
    </message>
</context>
<context>
    <name>ManageMessagesDialog</name>
    <message>
        <source>Manage messages</source>
        <translation>Gérer les messages</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé le</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lus</translation>
    </message>
    <message>
        <source>Emails sent</source>
        <translation>Courriels envoyés</translation>
    </message>
    <message>
        <source>Emails pending</source>
        <translation>Courriels en attente</translation>
    </message>
    <message>
        <source>Emails failed</source>
        <translation>Courriels en échec</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Resend failed emails</source>
        <translation>Renvoyer les courriels en échec</translation>
    </message>
    <message>
        <source>Delete the message “{0}”? Students will no longer see it and unsent email copies are cancelled.</source>
        <translation>Supprimer le message « {0} »? Les élèves ne le verront plus et les copies par courriel non envoyées seront annulées.</translation>
    </message>
    <message numerus="yes">
        <source>{0} email copies will be sent again.</source>
        <translation>
            <numerusform>{0} copie par courriel sera renvoyée.</numerusform>
            <numerusform>{0} copies par courriel seront renvoyées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Enter the name or address of the mail server.</source>
        <translation>Entrez le nom ou l&apos;adresse du serveur de courriel.</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535.</source>
        <translation>Le port est un nombre de 1 à 65535.</translation>
    </message>
    <message>
        <source>Choose STARTTLS, SSL or no encryption.</source>
        <translation>Choisissez STARTTLS, SSL ou aucun chiffrement.</translation>
    </message>
    <message>
        <source>This account name cannot be used.</source>
        <translation>Ce nom de compte ne peut pas être utilisé.</translation>
    </message>
    <message>
        <source>{0} is not an email address.</source>
        <translation>{0} n&apos;est pas une adresse courriel.</translation>
    </message>
    <message>
        <source>The password could not be stored in the system keychain: {0}</source>
        <translation>Le mot de passe n&apos;a pas pu être enregistré dans le trousseau du système : {0}</translation>
    </message>
    <message>
        <source>This message does not exist or was deleted.</source>
        <translation>Ce message n&apos;existe pas ou a été supprimé.</translation>
    </message>
    <message>
        <source>Choose the students who will receive the message.</source>
        <translation>Choisissez les élèves qui recevront le message.</translation>
    </message>
    <message>
        <source>This group does not exist or is not visible to you.</source>
        <translation>Ce groupe n&apos;existe pas ou ne vous est pas visible.</translation>
    </message>
    <message>
        <source>A chosen student does not exist or is not in your list.</source>
        <translation>Un élève choisi n&apos;existe pas ou ne fait pas partie de votre liste.</translation>
    </message>
    <message>
        <source>A message needs a subject.</source>
        <translation>Un message a besoin d&apos;un objet.</translation>
    </message>
    <message>
        <source>A subject holds at most {0} characters.</source>
        <translation>Un objet compte au plus {0} caractères.</translation>
    </message>
    <message>
        <source>The subject contains a character that cannot be sent ({0}).</source>
        <translation>L&apos;objet contient un caractère qui ne peut pas être envoyé ({0}).</translation>
    </message>
    <message>
        <source>A message cannot be empty.</source>
        <translation>Un message ne peut pas être vide.</translation>
    </message>
    <message>
        <source>A message holds at most {0} characters.</source>
        <translation>Un message compte au plus {0} caractères.</translation>
    </message>
    <message>
        <source>The message contains a character that cannot be sent ({0}).</source>
        <translation>Le message contient un caractère qui ne peut pas être envoyé ({0}).</translation>
    </message>
    <message>
        <source>No student with an active plan matches this choice.</source>
        <translation>Aucun élève dont le plan est actif ne répond à ce choix.</translation>
    </message>
</context>
<context>
    <name>NewPasswordsDialog</name>
    <message numerus="yes">
        <source>New passwords</source>
        <translation>
            <numerusform>Nouveau mot de passe</numerusform>
            <numerusform>Nouveaux mots de passe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These passwords are shown only now and will not be shown again. Give them to the students in person or print their login slips.</source>
        <translation>
            <numerusform>Ce mot de passe n&apos;est affiché que maintenant et ne le sera plus. Remettez-le à l&apos;élève en personne ou imprimez sa fiche de connexion.</numerusform>
            <numerusform>Ces mots de passe ne sont affichés que maintenant et ne le seront plus. Remettez-les aux élèves en personne ou imprimez leurs fiches de connexion.</numerusform>
        </translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message numerus="yes">
        <source>Print the login slips</source>
        <translation>
            <numerusform>Imprimer la fiche de connexion</numerusform>
            <numerusform>Imprimer les fiches de connexion</numerusform>
        </translation>
    </message>
    <message>
        <source>login-slips</source>
        <translation>fiches-connexion</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written ({0}).</source>
        <translation>Le fichier n&apos;a pas pu être écrit ({0}).</translation>
    </message>
    <message>
        <source>Login slips saved in {0}.</source>
        <translation>Fiches de connexion enregistrées dans {0}.</translation>
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
    <name>ParentCommentsDialog</name>
    <message>
        <source>Parent comments — {0} {1}</source>
        <translation>Commentaires du parent — {0} {1}</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Écrit le</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>No parent has left a comment.</source>
        <translation>Aucun parent n&apos;a laissé de commentaire.</translation>
    </message>
</context>
<context>
    <name>ParentPortalDialog</name>
    <message>
        <source>Parent portal accounts</source>
        <translation>Comptes du portail des parents</translation>
    </message>
    <message>
        <source>Parent accounts</source>
        <translation>Comptes des parents</translation>
    </message>
    <message>
        <source>Activation codes</source>
        <translation>Codes d&apos;activation</translation>
    </message>
    <message>
        <source>Parent comments</source>
        <translation>Commentaires du parent</translation>
    </message>
    <message>
        <source>Search a parent by name or email</source>
        <translation>Rechercher un parent par nom ou courriel</translation>
    </message>
    <message>
        <source>Search the comments</source>
        <translation>Rechercher dans les commentaires</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Enfants</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière ouverture de session</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Écrit le</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Create activation codes…</source>
        <translation>Créer des codes d&apos;activation…</translation>
    </message>
    <message>
        <source>Delete the code</source>
        <translation>Supprimer le code</translation>
    </message>
    <message>
        <source>Print parent letters…</source>
        <translation>Imprimer les lettres aux parents…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>Non activé</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message numerus="yes">
        <source>{0} activation codes created.</source>
        <translation>
            <numerusform>{0} code d&apos;activation créé.</numerusform>
            <numerusform>{0} codes d&apos;activation créés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Parents</name>
    <message>
        <source>This parent does not exist or is not linked to your students.</source>
        <translation>Ce parent n&apos;existe pas ou n&apos;est lié à aucun de vos élèves.</translation>
    </message>
    <message>
        <source>A selected student no longer exists in this school.</source>
        <translation>Un élève choisi n&apos;existe plus dans cette école.</translation>
    </message>
    <message>
        <source>An activation code is valid for {0} to {1} days.</source>
        <translation>Un code d&apos;activation est valide de {0} à {1} jours.</translation>
    </message>
    <message>
        <source>This activation code does not exist.</source>
        <translation>Ce code d&apos;activation n&apos;existe pas.</translation>
    </message>
    <message>
        <source>This activation code is not valid. Check it against your letter, or ask the school for a new one.</source>
        <translation>Ce code d&apos;activation n&apos;est pas valide. Comparez-le à votre lettre ou demandez-en un nouveau à l&apos;école.</translation>
    </message>
    <message>
        <source>This activation code has already been used. Ask the school for a new one if you still need to open an account.</source>
        <translation>Ce code d&apos;activation a déjà servi. Demandez-en un nouveau à l&apos;école si vous devez encore ouvrir un compte.</translation>
    </message>
    <message>
        <source>This activation code has expired. Ask the school for a new one.</source>
        <translation>Ce code d&apos;activation est expiré. Demandez-en un nouveau à l&apos;école.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <source>Your password was reset. Choose a new one before you continue.</source>
        <translation>Votre mot de passe a été réinitialisé. Choisissez-en un nouveau avant de continuer.</translation>
    </message>
    <message>
        <source>Choose a new password.</source>
        <translation>Choisissez un nouveau mot de passe.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nouveau mot de passe (confirmation)</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Les deux nouveaux mots de passe ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>PermissionTable</name>
    <message>
        <source>allowed</source>
        <translation>permis</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>non permis</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>PermissionsDialog</name>
    <message>
        <source>Access levels and permissions</source>
        <translation>Niveaux d&apos;accès et permissions</translation>
    </message>
    <message>
        <source>What each access level may do. The application enforces this table; it cannot be changed here.</source>
        <translation>Ce que chaque niveau d&apos;accès peut faire. L&apos;application applique ce tableau; il ne peut pas être modifié ici.</translation>
    </message>
</context>
<context>
    <name>PlanOptionsDialog</name>
    <message>
        <source>Plan options</source>
        <translation>Options du plan</translation>
    </message>
    <message>
        <source>Who creates the plans</source>
        <translation>Qui crée les plans</translation>
    </message>
    <message>
        <source>Student-directed: students create their own plan</source>
        <translation>Dirigé par l&apos;élève : les élèves créent eux-mêmes leur plan</translation>
    </message>
    <message>
        <source>School-directed: staff create one plan per student</source>
        <translation>Dirigé par l&apos;école : le personnel crée un plan pour chaque élève</translation>
    </message>
    <message>
        <source>A student added here gets an account without a plan; they create their plan on the planning site. The planning site offers them “create new plan”.</source>
        <translation>Un élève ajouté ici reçoit un compte sans plan; il crée son plan sur le site de planification, qui lui offre « Créer un nouveau plan ».</translation>
    </message>
    <message>
        <source>Adding a student creates their plan. The planning site does not offer “create new plan”: each student has the one plan the school made.</source>
        <translation>Ajouter un élève crée son plan. Le site de planification n&apos;offre pas « Créer un nouveau plan » : chaque élève a le seul plan créé par l&apos;école.</translation>
    </message>
    <message numerus="yes">
        <source>{0} students have no plan yet: the school creates their plans now. Continue?</source>
        <translation>
            <numerusform>{0} élève n’a pas encore de plan : l’école crée son plan maintenant. Continuer?</numerusform>
            <numerusform>{0} élèves n’ont pas encore de plan : l’école crée leurs plans maintenant. Continuer?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message numerus="yes">
        <source>{0} students selected in the list.</source>
        <translation>
            <numerusform>{0} élève choisi dans la liste.</numerusform>
            <numerusform>{0} élèves choisis dans la liste.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print parent access letters</source>
        <translation>Imprimer les lettres d&apos;accès des parents</translation>
    </message>
    <message>
        <source>Print login slips</source>
        <translation>Imprimer les fiches de connexion</translation>
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
        <source>Counsellor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Usernames (optional)</source>
        <translation>Noms d&apos;utilisateur (facultatif)</translation>
    </message>
    <message>
        <source>Folder for the PDF files</source>
        <translation>Dossier des fichiers PDF</translation>
    </message>
    <message>
        <source>Separated by spaces or commas</source>
        <translation>Séparés par des espaces ou des virgules</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Make the PDF files</source>
        <translation>Créer les fichiers PDF</translation>
    </message>
    <message>
        <source>Open in the system viewer</source>
        <translation>Ouvrir dans la visionneuse du système</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>Toutes les années</translation>
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
        <source>The folder {0} does not exist.</source>
        <translation>Le dossier {0} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Making the PDF files…</source>
        <translation>Création des fichiers PDF…</translation>
    </message>
    <message numerus="yes">
        <source>{0} pages in {1} files:</source>
        <translation>
            <numerusform>{0} page dans {1} fichier(s) :</numerusform>
            <numerusform>{0} pages dans {1} fichier(s) :</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled; no file was left behind.</source>
        <translation>Impression annulée; aucun fichier n&apos;a été laissé.</translation>
    </message>
    <message>
        <source>The files could not be written ({0}).</source>
        <translation>Les fichiers n&apos;ont pas pu être écrits ({0}).</translation>
    </message>
</context>
<context>
    <name>PrintJobs</name>
    <message>
        <source>No parent of these students has a valid activation code. Create the codes first.</source>
        <translation>Aucun parent de ces élèves n&apos;a de code d&apos;activation valide. Créez d&apos;abord les codes.</translation>
    </message>
    <message>
        <source>parent-letters</source>
        <translation>lettres-parents</translation>
    </message>
    <message>
        <source>No student matches these criteria.</source>
        <translation>Aucun élève ne répond à ces critères.</translation>
    </message>
    <message>
        <source>login-slips</source>
        <translation>fiches-connexion</translation>
    </message>
    <message>
        <source>{stem}-{n}-of-{total}.pdf</source>
        <translation>{stem}-{n}-de-{total}.pdf</translation>
    </message>
    <message>
        <source>There is no new password to print.</source>
        <translation>Il n&apos;y a aucun nouveau mot de passe à imprimer.</translation>
    </message>
</context>
<context>
    <name>RolloverDialog</name>
    <message>
        <source>Year-end rollover</source>
        <translation>Passage à l&apos;année suivante</translation>
    </message>
    <message>
        <source>Next school year:</source>
        <translation>Année scolaire suivante :</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Apply the rollover</source>
        <translation>Appliquer le passage</translation>
    </message>
    <message>
        <source>Undo the last rollover</source>
        <translation>Annuler le dernier passage</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Moving up</source>
        <translation>Passent à l&apos;année suivante</translation>
    </message>
    <message>
        <source>Graduating</source>
        <translation>Diplômés</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Finissants</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Laissés tels quels</translation>
    </message>
    <message numerus="yes">
        <source>Roll the school over to {0}? {1} students change grade or graduate. The rollover can be undone afterwards.</source>
        <translation>
            <numerusform>Faire passer l&apos;école à {0}? {1} élève change d&apos;année ou obtient son diplôme. Le passage pourra être annulé ensuite.</numerusform>
            <numerusform>Faire passer l&apos;école à {0}? {1} élèves changent d&apos;année ou obtiennent leur diplôme. Le passage pourra être annulé ensuite.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolling the school over…</source>
        <translation>Passage de l&apos;école à l&apos;année suivante…</translation>
    </message>
    <message>
        <source>Undo the rollover to {0}? Grades and plan statuses go back to what they were before it.</source>
        <translation>Annuler le passage à {0}? Les années et les états des plans redeviennent ce qu&apos;ils étaient avant.</translation>
    </message>
    <message>
        <source>Undoing the rollover…</source>
        <translation>Annulation du passage…</translation>
    </message>
    <message numerus="yes">
        <source>{0} students will change grade or graduate; {1} students in all.</source>
        <translation>
            <numerusform>{0} élève changera d&apos;année ou obtiendra son diplôme; {1} élèves en tout.</numerusform>
            <numerusform>{0} élèves changeront d&apos;année ou obtiendront leur diplôme; {1} élèves en tout.</numerusform>
        </translation>
    </message>
    <message>
        <source>No rollover to undo.</source>
        <translation>Aucun passage à annuler.</translation>
    </message>
    <message>
        <source>Last rollover: to {0}, on {1} by {2}.</source>
        <translation>Dernier passage : à {0}, le {1} par {2}.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Annulé; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Nothing to change: the school is already rolled over to {0}.</source>
        <translation>Rien à modifier : l&apos;école est déjà passée à {0}.</translation>
    </message>
    <message numerus="yes">
        <source>Rollover to {0} applied: {1} students changed grade or graduated.</source>
        <translation>
            <numerusform>Passage à {0} appliqué : {1} élève a changé d&apos;année ou obtenu son diplôme.</numerusform>
            <numerusform>Passage à {0} appliqué : {1} élèves ont changé d&apos;année ou obtenu leur diplôme.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollover to {0} undone: {1} students put back as they were.</source>
        <translation>
            <numerusform>Passage à {0} annulé : {1} élève remis comme avant.</numerusform>
            <numerusform>Passage à {0} annulé : {1} élèves remis comme avant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students changed since the rollover stay as they are now:</source>
        <translation>
            <numerusform>{0} élève modifié depuis le passage reste tel quel :</numerusform>
            <numerusform>{0} élèves modifiés depuis le passage restent tels quels :</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} (grade {1}): {2}</source>
        <translation>{0} (année {1}) : {2}</translation>
    </message>
</context>
<context>
    <name>RolloverTableModel</name>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>Grade now</source>
        <translation>Année actuelle</translation>
    </message>
    <message>
        <source>Next grade</source>
        <translation>Année suivante</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>The manifest says that this bundle has no users.</source>
        <translation>Le manifeste indique que cet ensemble de fichiers ne contient aucun utilisateur.</translation>
    </message>
    <message>
        <source>The folder holds no CSV or Excel file.</source>
        <translation>Le dossier ne contient aucun fichier CSV ou Excel.</translation>
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
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>Numéro d&apos;élève</translation>
    </message>
    <message>
        <source>Identifier in the source system</source>
        <translation>Identifiant dans le système source</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
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
        <source>Expected graduation</source>
        <translation>Date prévue d&apos;obtention du diplôme</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Langue préférée</translation>
    </message>
    <message>
        <source>School identifier</source>
        <translation>Identifiant de l&apos;école</translation>
    </message>
    <message>
        <source>School name</source>
        <translation>Nom de l&apos;école</translation>
    </message>
    <message>
        <source>Status (active or inactive)</source>
        <translation>Statut (actif ou inactif)</translation>
    </message>
    <message>
        <source>Password (never stored)</source>
        <translation>Mot de passe (jamais conservé)</translation>
    </message>
    <message>
        <source>This is not a column mapping saved by CAMS.</source>
        <translation>Ceci n&apos;est pas une correspondance de colonnes enregistrée par CAMS.</translation>
    </message>
    <message>
        <source>The users file (users.csv, with sourcedId) is missing.</source>
        <translation>Le fichier des utilisateurs (users.csv, avec sourcedId) est absent.</translation>
    </message>
    <message>
        <source>A parent contact needs a first and a last name.</source>
        <translation>Un contact parent doit avoir un prénom et un nom de famille.</translation>
    </message>
    <message>
        <source>The file or folder does not exist.</source>
        <translation>Le fichier ou le dossier n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The file cannot be opened.</source>
        <translation>Le fichier ne peut pas être ouvert.</translation>
    </message>
    <message>
        <source>A value on this line is too long to be a roster value.</source>
        <translation>Une valeur de cette ligne est trop longue pour une liste d&apos;élèves.</translation>
    </message>
    <message>
        <source>This is not a text file (CSV) nor an Excel workbook.</source>
        <translation>Ce n&apos;est ni un fichier texte (CSV) ni un classeur Excel.</translation>
    </message>
    <message>
        <source>The file&apos;s characters are not in a known encoding (UTF-8, UTF-16 or Windows-1252).</source>
        <translation>Les caractères du fichier ne sont pas dans un encodage connu (UTF-8, UTF-16 ou Windows-1252).</translation>
    </message>
    <message>
        <source>This row has more values than the header has columns.</source>
        <translation>Cette ligne contient plus de valeurs que l&apos;en-tête n&apos;a de colonnes.</translation>
    </message>
    <message>
        <source>The file is empty: it has no header line.</source>
        <translation>Le fichier est vide : il n&apos;a pas de ligne d&apos;en-tête.</translation>
    </message>
    <message>
        <source>The zip file holds no CSV or Excel file.</source>
        <translation>Le fichier zip ne contient aucun fichier CSV ou Excel.</translation>
    </message>
    <message>
        <source>The zip file is protected by a password.</source>
        <translation>Le fichier zip est protégé par un mot de passe.</translation>
    </message>
    <message>
        <source>The zip file holds a path that leads outside of it.</source>
        <translation>Le fichier zip contient un chemin qui mène à l&apos;extérieur de celui-ci.</translation>
    </message>
    <message>
        <source>Two files have this name: keep only one of them.</source>
        <translation>Deux fichiers portent ce nom : n&apos;en gardez qu&apos;un.</translation>
    </message>
    <message>
        <source>The input is too large: more than {0} MB once uncompressed.</source>
        <translation>Les données sont trop volumineuses : plus de {0} Mo une fois décompressées.</translation>
    </message>
    <message>
        <source>The zip file is damaged.</source>
        <translation>Le fichier zip est endommagé.</translation>
    </message>
    <message>
        <source>The Excel workbook is damaged or is not an .xlsx workbook.</source>
        <translation>Le classeur Excel est endommagé ou n&apos;est pas un classeur .xlsx.</translation>
    </message>
    <message>
        <source>Workbooks in the old Excel format (.xls) cannot be read: save the file as .xlsx or CSV.</source>
        <translation>Les classeurs dans l&apos;ancien format Excel (.xls) ne peuvent pas être lus : enregistrez le fichier en .xlsx ou en CSV.</translation>
    </message>
    <message>
        <source>This column is not in the file.</source>
        <translation>Cette colonne n&apos;est pas dans le fichier.</translation>
    </message>
    <message>
        <source>No column is chosen for: {0}.</source>
        <translation>Aucune colonne n&apos;est choisie pour : {0}.</translation>
    </message>
    <message>
        <source>This column has dates written day first and others month first: correct the file.</source>
        <translation>Cette colonne contient des dates écrites le jour en premier et d&apos;autres le mois en premier : corrigez le fichier.</translation>
    </message>
    <message>
        <source>The dates of this column can be read day first or month first: choose the date order.</source>
        <translation>Les dates de cette colonne peuvent se lire le jour en premier ou le mois en premier : choisissez l&apos;ordre des dates.</translation>
    </message>
    <message>
        <source>This is not a date.</source>
        <translation>Ceci n&apos;est pas une date.</translation>
    </message>
    <message>
        <source>The year must have four digits.</source>
        <translation>L&apos;année doit avoir quatre chiffres.</translation>
    </message>
    <message>
        <source>This date does not exist.</source>
        <translation>Cette date n&apos;existe pas.</translation>
    </message>
    <message>
        <source>This date can be read day first or month first: choose the date order.</source>
        <translation>Cette date peut se lire le jour en premier ou le mois en premier : choisissez l&apos;ordre des dates.</translation>
    </message>
    <message>
        <source>The grade is outside grades 1 to 12 (or is not a grade).</source>
        <translation>L&apos;année n&apos;est pas comprise entre la 1re et la 12e année (ou n&apos;est pas une année).</translation>
    </message>
    <message>
        <source>This gender is not recognized.</source>
        <translation>Ce genre n&apos;est pas reconnu.</translation>
    </message>
    <message>
        <source>The language is not recognized: English or French.</source>
        <translation>La langue n&apos;est pas reconnue : anglais ou français.</translation>
    </message>
    <message>
        <source>This status is not recognized: active or inactive.</source>
        <translation>Ce statut n&apos;est pas reconnu : actif ou inactif.</translation>
    </message>
    <message>
        <source>The value must be true or false.</source>
        <translation>La valeur doit être vrai ou faux.</translation>
    </message>
    <message>
        <source>This column is in the file more than once: keep only one of them.</source>
        <translation>Cette colonne figure plus d’une fois dans le fichier : n’en gardez qu’une.</translation>
    </message>
    <message>
        <source>This time of day does not exist.</source>
        <translation>Cette heure n’existe pas.</translation>
    </message>
    <message>
        <source>This column has dates written day first and others month first: choose the date order.</source>
        <translation>Cette colonne a des dates écrites le jour en premier et d’autres le mois en premier : choisissez l’ordre des dates.</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <source>This preview cannot be imported as it is; preview the file again.</source>
        <translation>Cet aperçu ne peut pas être importé tel quel; refaites l&apos;aperçu du fichier.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Importation annulée; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Students changed since this preview was made (someone else may be editing them). Nothing was imported; preview the file again.</source>
        <translation>Des élèves ont changé depuis cet aperçu (quelqu&apos;un d&apos;autre les modifie peut-être). Rien n&apos;a été importé; refaites l&apos;aperçu du fichier.</translation>
    </message>
    <message>
        <source>Id in the school system</source>
        <translation>Identifiant dans le système de l&apos;école</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Parent: {0}</source>
        <translation>Parent : {0}</translation>
    </message>
    <message>
        <source>{0} ({1}, rows: {2})</source>
        <translation>{0} ({1}, lignes : {2})</translation>
    </message>
    <message>
        <source>The file lists students of {0} schools: {1}. Choose the school or schools to import into this school.</source>
        <translation>Le fichier contient des élèves de {0} écoles : {1}. Choisissez l&apos;école ou les écoles à importer dans cette école.</translation>
    </message>
    <message>
        <source>Several students of this school have this name and birth date, and the row has no id, student number or username to tell which.</source>
        <translation>Plusieurs élèves de cette école ont ce nom et cette date de naissance, et la ligne n&apos;a ni identifiant, ni numéro d&apos;élève, ni nom d&apos;utilisateur pour savoir lequel.</translation>
    </message>
    <message>
        <source>This row is the same student as line {0}.</source>
        <translation>Cette ligne désigne le même élève que la ligne {0}.</translation>
    </message>
    <message>
        <source>Not imported: the file marks this student as gone and CAMS has no such student.</source>
        <translation>Non importé : le fichier indique que cet élève est parti et CAMS n&apos;a pas cet élève.</translation>
    </message>
    <message>
        <source>Left out: this student is in school {0} ({1}), which was not chosen for this import.</source>
        <translation>Laissé de côté : cet élève est à l&apos;école {0} ({1}), qui n&apos;a pas été choisie pour cette importation.</translation>
    </message>
    <message>
        <source>Line {0} has the same name and birth date, and neither row has an id, student number or username; only the first of the two rows can be imported.</source>
        <translation>La ligne {0} a le même nom et la même date de naissance, et aucune des deux lignes n&apos;a d&apos;identifiant, de numéro d&apos;élève ou de nom d&apos;utilisateur; seule la première des deux lignes peut être importée.</translation>
    </message>
    <message>
        <source>Line {0} has the same value; only the first of the two rows can be imported.</source>
        <translation>La ligne {0} a la même valeur; seule la première des deux lignes peut être importée.</translation>
    </message>
    <message>
        <source>The grade is missing; a new student needs one.</source>
        <translation>L&apos;année est absente; un nouvel élève doit en avoir une.</translation>
    </message>
    <message>
        <source>The student number {0} belongs to a student of another school of the board ({1}).</source>
        <translation>Le numéro d&apos;élève {0} appartient à un élève d&apos;une autre école du conseil ({1}).</translation>
    </message>
    <message>
        <source>Another student of this school has this id ({0} {1}).</source>
        <translation>Un autre élève de cette école a cet identifiant ({0} {1}).</translation>
    </message>
    <message>
        <source>The username {0} belongs to a staff member.</source>
        <translation>Le nom d&apos;utilisateur {0} appartient à un membre du personnel.</translation>
    </message>
    <message>
        <source>The username {0} belongs to a student of another school of the board ({1}).</source>
        <translation>Le nom d&apos;utilisateur {0} appartient à un élève d&apos;une autre école du conseil ({1}).</translation>
    </message>
    <message>
        <source>The username {0} belongs to another student of this school ({1} {2}).</source>
        <translation>Le nom d&apos;utilisateur {0} appartient à un autre élève de cette école ({1} {2}).</translation>
    </message>
    <message>
        <source>The username {0} is already taken.</source>
        <translation>Le nom d&apos;utilisateur {0} est déjà pris.</translation>
    </message>
    <message>
        <source>The file has problems (listed in the preview); correct them, then preview it again. Nothing was imported.</source>
        <translation>Le fichier a des problèmes (listés dans l’aperçu); corrigez-les, puis affichez de nouveau l’aperçu. Rien n’a été importé.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
    <message>
        <source>This would deactivate the plans of {0} of the {1} active students; confirm it to go on. Nothing was imported.</source>
        <translation>Cette importation désactiverait les plans de {0} des {1} élèves actifs; confirmez-le pour continuer. Rien n’a été importé.</translation>
    </message>
    <message>
        <source>The file has problems (listed in the preview): no plan is deactivated from it.</source>
        <translation>Le fichier a des problèmes (listés dans l’aperçu) : aucun plan n’est désactivé à partir de ce fichier.</translation>
    </message>
    <message>
        <source>The file lists no student of this school: no plan is deactivated from it.</source>
        <translation>Le fichier ne contient aucun élève de cette école : aucun plan n’est désactivé à partir de ce fichier.</translation>
    </message>
    <message>
        <source>No row of the file is a student of this school already: no plan is deactivated from it. Check the file and the school chosen.</source>
        <translation>Aucune ligne du fichier n’est un élève déjà inscrit dans cette école : aucun plan n’est désactivé à partir de ce fichier. Vérifiez le fichier et l’école choisie.</translation>
    </message>
    <message>
        <source>({0} characters)</source>
        <translation>({0} caractères)</translation>
    </message>
    <message>
        <source>Several students of this school have this name and birth date and no id or student number yet: CAMS cannot tell which one this row is.</source>
        <translation>Plusieurs élèves de cette école ont ces nom et date de naissance, sans identifiant ni numéro d’élève : CAMS ne peut pas savoir lequel cette ligne désigne.</translation>
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
    <name>Search</name>
    <message>
        <source>A saved search must be a JSON object.</source>
        <translation>Une recherche enregistrée doit être un objet JSON.</translation>
    </message>
    <message>
        <source>The saved search has no valid format version.</source>
        <translation>La recherche enregistrée n&apos;a pas de version de format valide.</translation>
    </message>
    <message>
        <source>This search was saved by a newer version of CAMS Desktop.</source>
        <translation>Cette recherche a été enregistrée par une version plus récente de CAMS Desktop.</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
    <message>
        <source>{0} contains “{1}”</source>
        <translation>{0} contient « {1} »</translation>
    </message>
    <message>
        <source>Counsellor: {0}</source>
        <translation>Conseiller : {0}</translation>
    </message>
    <message>
        <source>Group: {0}</source>
        <translation>Groupe : {0}</translation>
    </message>
    <message>
        <source>The saved search has an invalid value for “{0}”.</source>
        <translation>La recherche enregistrée a une valeur invalide pour « {0} ».</translation>
    </message>
    <message>
        <source>This group does not exist or is not visible to you.</source>
        <translation>Ce groupe n&apos;existe pas ou ne vous est pas visible.</translation>
    </message>
    <message>
        <source>This saved search does not exist or was deleted.</source>
        <translation>Cette recherche enregistrée n&apos;existe pas ou a été supprimée.</translation>
    </message>
    <message>
        <source>Give the search a name.</source>
        <translation>Donnez un nom à la recherche.</translation>
    </message>
    <message>
        <source>A search name holds at most {0} characters.</source>
        <translation>Le nom d&apos;une recherche compte au plus {0} caractères.</translation>
    </message>
    <message>
        <source>The name contains a character that cannot be stored ({0}).</source>
        <translation>Le nom contient un caractère qui ne peut pas être enregistré ({0}).</translation>
    </message>
    <message>
        <source>You already have a saved search named “{0}”.</source>
        <translation>Vous avez déjà une recherche enregistrée nommée « {0} ».</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Advanced search</source>
        <translation>Recherche avancée</translation>
    </message>
    <message>
        <source>Find the students who match all of:</source>
        <translation>Trouver les élèves qui répondent à tous ces critères :</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Années</translation>
    </message>
    <message>
        <source>Username contains</source>
        <translation>Le nom d&apos;utilisateur contient</translation>
    </message>
    <message>
        <source>First name contains</source>
        <translation>Le prénom contient</translation>
    </message>
    <message>
        <source>Last name contains</source>
        <translation>Le nom de famille contient</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>Statut du plan</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Clear the criteria</source>
        <translation>Effacer les critères</translation>
    </message>
    <message>
        <source>My saved searches</source>
        <translation>Mes recherches enregistrées</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Any counsellor</source>
        <translation>Tous les conseillers</translation>
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
        <source>Any group</source>
        <translation>Tous les groupes</translation>
    </message>
    <message>
        <source>This search was saved by a newer version of CAMS Desktop and cannot be used here.</source>
        <translation>Cette recherche a été enregistrée par une version plus récente de CAMS Desktop et ne peut pas être utilisée ici.</translation>
    </message>
    <message>
        <source>Save the search</source>
        <translation>Enregistrer la recherche</translation>
    </message>
    <message>
        <source>Name of the search:</source>
        <translation>Nom de la recherche :</translation>
    </message>
    <message>
        <source>Rename the search</source>
        <translation>Renommer la recherche</translation>
    </message>
    <message>
        <source>New name of the search:</source>
        <translation>Nouveau nom de la recherche :</translation>
    </message>
    <message>
        <source>Delete the search</source>
        <translation>Supprimer la recherche</translation>
    </message>
    <message>
        <source>Delete the saved search “{0}”?</source>
        <translation>Supprimer la recherche enregistrée « {0} »?</translation>
    </message>
    <message>
        <source>Saved by a newer version of CAMS Desktop</source>
        <translation>Enregistrée par une version plus récente de CAMS Desktop</translation>
    </message>
</context>
<context>
    <name>SendMessageDialog</name>
    <message>
        <source>Send a message</source>
        <translation>Envoyer un message</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Élèves</translation>
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
        <source>Counsellor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Students read the message in their plan and cannot reply to it. Those with an email address also receive a copy by email.</source>
        <translation>Les élèves lisent le message dans leur plan et ne peuvent pas y répondre. Ceux qui ont une adresse courriel en reçoivent aussi une copie par courriel.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message numerus="yes">
        <source>The message was sent to {0} students.</source>
        <translation>
            <numerusform>Le message a été envoyé à {0} élève.</numerusform>
            <numerusform>Le message a été envoyé à {0} élèves.</numerusform>
        </translation>
    </message>
    <message>
        <source>My students</source>
        <translation>Mes élèves</translation>
    </message>
    <message>
        <source>All students</source>
        <translation>Tous les élèves</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>Toutes les années</translation>
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
        <source>{0} students will receive it; {1} of them also by email.</source>
        <translation>
            <numerusform>{0} élève le recevra; {1} aussi par courriel.</numerusform>
            <numerusform>{0} élèves le recevront; {1} d&apos;entre eux aussi par courriel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} selected students</source>
        <translation>
            <numerusform>{0} élève sélectionné(e)</numerusform>
            <numerusform>{0} élèves sélectionnés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>Give the server&apos;s name or address, such as cams.school.example.</source>
        <translation>Indiquez le nom ou l&apos;adresse du serveur, par exemple cams.ecole.example.</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535 (PostgreSQL uses 5432).</source>
        <translation>Le port est un nombre de 1 à 65535 (PostgreSQL utilise 5432).</translation>
    </message>
    <message>
        <source>The database name has letters, digits and underscores only, and starts with a letter.</source>
        <translation>Le nom de la base de données ne contient que des lettres, des chiffres et des traits de soulignement, et commence par une lettre.</translation>
    </message>
    <message>
        <source>The password could not be stored in the system keychain: {0}</source>
        <translation>Le mot de passe n&apos;a pas pu être enregistré dans le trousseau du système : {0}</translation>
    </message>
    <message>
        <source>Type your password for the school server.</source>
        <translation>Tapez votre mot de passe du serveur de l&apos;école.</translation>
    </message>
    <message>
        <source>The server takes desktops of schema {0} to {1}; this desktop has {2}. Install the CAMS Desktop the school&apos;s IT gives, or ask them to upgrade the server.</source>
        <translation>Le serveur accepte les postes de schéma {0} à {1}; ce poste a le schéma {2}. Installez le CAMS Desktop fourni par le service informatique de l&apos;école, ou demandez-lui de mettre le serveur à niveau.</translation>
    </message>
    <message>
        <source>Connected to {0}, encrypted (TLS). Server schema {1}.</source>
        <translation>Connecté à {0}, chiffré (TLS). Schéma du serveur : {1}.</translation>
    </message>
    <message>
        <source>Connected to {0}, not encrypted. Server schema {1}.</source>
        <translation>Connecté à {0}, non chiffré. Schéma du serveur : {1}.</translation>
    </message>
    <message>
        <source>The server login {0} is not an active staff member of this school: ask the school&apos;s IT to create or enable it.</source>
        <translation>La connexion au serveur {0} n&apos;est pas celle d&apos;un membre actif du personnel de cette école : demandez au service informatique de l&apos;école de la créer ou de l&apos;activer.</translation>
    </message>
    <message>
        <source>The database {0} has no CAMS server: the school&apos;s IT sets it up with cams server init.</source>
        <translation>La base de données {0} n&apos;a pas de serveur CAMS : le service informatique de l&apos;école l&apos;installe avec cams server init.</translation>
    </message>
    <message>
        <source>The server refused the password of {0}: check your server password.</source>
        <translation>Le serveur a refusé le mot de passe de {0} : vérifiez votre mot de passe du serveur.</translation>
    </message>
    <message>
        <source>The school requires encrypted transfer (TLS), but the server {0} does not offer it.</source>
        <translation>L&apos;école exige le transfert chiffré (TLS), mais le serveur {0} ne l&apos;offre pas.</translation>
    </message>
    <message>
        <source>The server has no database named {0}.</source>
        <translation>Le serveur n&apos;a pas de base de données nommée {0}.</translation>
    </message>
    <message>
        <source>The server {0} cannot be reached: check the address and that the server is running.</source>
        <translation>Le serveur {0} est injoignable : vérifiez l&apos;adresse et que le serveur est en marche.</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Server password</source>
        <translation>Mot de passe du serveur</translation>
    </message>
    <message>
        <source>School server</source>
        <translation>Serveur de l&apos;école</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Your server password</source>
        <translation>Votre mot de passe du serveur</translation>
    </message>
    <message>
        <source>The school requires encrypted transfer (TLS).</source>
        <translation>L&apos;école exige le transfert chiffré (TLS).</translation>
    </message>
    <message>
        <source>Encrypted transfer (TLS) is not required: it is used when the server offers it. Site settings change this.</source>
        <translation>Le transfert chiffré (TLS) n&apos;est pas exigé : il est utilisé quand le serveur l&apos;offre. Les paramètres du site changent ce réglage.</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>ServerLogins</name>
    <message>
        <source>No such staff member.</source>
        <translation>Ce membre du personnel n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <source>The server cannot be reached; create the server login later with Staff administration → Server login…</source>
        <translation>Le serveur est injoignable; créez l&apos;accès au serveur plus tard avec Administration des conseillers → Accès au serveur…</translation>
    </message>
    <message>
        <source>Set your server password (My account → Server password…) to manage server logins.</source>
        <translation>Définissez votre mot de passe du serveur (Mon compte → Mot de passe du serveur…) pour gérer les accès au serveur.</translation>
    </message>
    <message>
        <source>{0} is not on the server yet: synchronize, then use Server login… again.</source>
        <translation>{0} n&apos;est pas encore sur le serveur : synchronisez, puis utilisez Accès au serveur… de nouveau.</translation>
    </message>
    <message>
        <source>Only program administrators manage server logins.</source>
        <translation>Seuls les administrateurs du programme gèrent les accès au serveur.</translation>
    </message>
    <message>
        <source>{0} is deactivated: reactivate them first.</source>
        <translation>{0} est désactivé(e) : réactivez ce compte d&apos;abord.</translation>
    </message>
    <message>
        <source>You cannot turn off your own server login.</source>
        <translation>Vous ne pouvez pas désactiver votre propre accès au serveur.</translation>
    </message>
    <message>
        <source>The server refused: {0}</source>
        <translation>Le serveur a refusé : {0}</translation>
    </message>
    <message>
        <source>This desktop is not connected to a school server.</source>
        <translation>Ce poste n&apos;est pas relié à un serveur de l&apos;école.</translation>
    </message>
    <message>
        <source>The server cannot be reached; it turns the server login off when this desktop next synchronizes.</source>
        <translation>Le serveur est injoignable; il désactivera l&apos;accès au serveur à la prochaine synchronisation de ce poste.</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <source>Server login</source>
        <translation>Accès au serveur</translation>
    </message>
    <message>
        <source>A new password for the school server login of {0} {1} ({2}). Their current server password stops working.</source>
        <translation>Un nouveau mot de passe pour l&apos;accès au serveur de l&apos;école de {0} {1} ({2}). Son mot de passe actuel du serveur cesse de fonctionner.</translation>
    </message>
    <message>
        <source>New server password</source>
        <translation>Nouveau mot de passe du serveur</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Retapez-le</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>CAMS — Sign in</source>
        <translation>CAMS — Ouverture de session</translation>
    </message>
    <message>
        <source>School site account</source>
        <translation>Compte du site de l&apos;école</translation>
    </message>
    <message>
        <source>Site username</source>
        <translation>Nom d&apos;utilisateur du site</translation>
    </message>
    <message>
        <source>Site password</source>
        <translation>Mot de passe du site</translation>
    </message>
    <message>
        <source>Your counsellor account</source>
        <translation>Votre compte de conseiller</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Forgot your login? Ask a program administrator of your school to reset your password: {0}.</source>
        <translation>Vous avez oublié votre nom d&apos;utilisateur ou votre mot de passe? Demandez à un administrateur du programme de votre école de réinitialiser votre mot de passe : {0}.</translation>
    </message>
    <message>
        <source>Forgot your login? Ask a program administrator of your school to reset your password.</source>
        <translation>Vous avez oublié votre nom d&apos;utilisateur ou votre mot de passe? Demandez à un administrateur du programme de votre école de réinitialiser votre mot de passe.</translation>
    </message>
    <message>
        <source>Demo school accounts (site account {0} / {1})</source>
        <translation>Comptes de l&apos;école de démonstration (compte du site {0} / {1})</translation>
    </message>
    <message>
        <source>{0} — {1} (password {2})</source>
        <translation>{0} — {1} (mot de passe {2})</translation>
    </message>
    <message>
        <source>Too many failed attempts: wait {0} seconds, then try again.</source>
        <translation>Trop de tentatives échouées : attendez {0} secondes, puis réessayez.</translation>
    </message>
    <message>
        <source>This account is locked until {0} after too many failed attempts. A program administrator can unlock it sooner.</source>
        <translation>Ce compte est bloqué jusqu&apos;à {0} après trop de tentatives échouées. Un administrateur du programme peut le débloquer plus tôt.</translation>
    </message>
</context>
<context>
    <name>SiteSettingsDialog</name>
    <message>
        <source>Site settings</source>
        <translation>Paramètres du site</translation>
    </message>
    <message>
        <source>Lock after a time without activity</source>
        <translation>Verrouiller après une période d&apos;inactivité</translation>
    </message>
    <message>
        <source>Minutes (0: never)</source>
        <translation>Minutes (0 : jamais)</translation>
    </message>
    <message>
        <source>School site account (leave empty to keep the current one)</source>
        <translation>Compte du site de l&apos;école (laisser vide pour garder l&apos;actuel)</translation>
    </message>
    <message>
        <source>Site username</source>
        <translation>Nom d&apos;utilisateur du site</translation>
    </message>
    <message>
        <source>New site password</source>
        <translation>Nouveau mot de passe du site</translation>
    </message>
    <message>
        <source>Encrypted transfer required (the sync connection must use TLS)</source>
        <translation>Transfert chiffré exigé (la connexion de synchronisation doit utiliser TLS)</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>You can only manage staff of a lower access level than yours.</source>
        <translation>Vous ne pouvez gérer que le personnel d&apos;un niveau d&apos;accès inférieur au vôtre.</translation>
    </message>
    <message>
        <source>Nobody can change their own access level.</source>
        <translation>Personne ne peut changer son propre niveau d&apos;accès.</translation>
    </message>
    <message>
        <source>This staff member does not exist in this school.</source>
        <translation>Ce membre du personnel n&apos;existe pas dans cette école.</translation>
    </message>
    <message>
        <source>Someone else changed this staff member&apos;s access level meanwhile. Open the profile again.</source>
        <translation>Quelqu&apos;un d&apos;autre a changé le niveau d&apos;accès de ce membre du personnel entre-temps. Rouvrez le profil.</translation>
    </message>
    <message>
        <source>You cannot deactivate or reactivate your own account.</source>
        <translation>Vous ne pouvez pas désactiver ni réactiver votre propre compte.</translation>
    </message>
</context>
<context>
    <name>StaffAdminDialog</name>
    <message>
        <source>Counsellor administration</source>
        <translation>Administration des conseillers</translation>
    </message>
    <message>
        <source>Add a counsellor</source>
        <translation>Ajouter un conseiller</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>Journal des changements</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Give {0} {1} a new temporary password? Their current password stops working now.</source>
        <translation>Donner un nouveau mot de passe temporaire à {0} {1}? Son mot de passe actuel cesse de fonctionner dès maintenant.</translation>
    </message>
    <message>
        <source>Server login…</source>
        <translation>Accès au serveur…</translation>
    </message>
    <message>
        <source>Creating the server login of {0}…</source>
        <translation>Création de l&apos;accès au serveur de {0}…</translation>
    </message>
    <message>
        <source>The server login {0} of {1} is ready.</source>
        <translation>L&apos;accès au serveur {0} de {1} est prêt.</translation>
    </message>
    <message>
        <source>{0} was added, but their server login was not created: {1}</source>
        <translation>{0} a été ajouté(e), mais son accès au serveur n&apos;a pas été créé : {1}</translation>
    </message>
    <message>
        <source>The server password of {0} was not set: {1}</source>
        <translation>Le mot de passe du serveur de {0} n&apos;a pas été défini : {1}</translation>
    </message>
    <message>
        <source>The server login of {0} is turned off.</source>
        <translation>L&apos;accès au serveur de {0} est désactivé.</translation>
    </message>
    <message>
        <source>{0} had no server login.</source>
        <translation>{0} n&apos;avait pas d&apos;accès au serveur.</translation>
    </message>
    <message>
        <source>An unexpected error stopped it; see the log.</source>
        <translation>Une erreur inattendue l&apos;a interrompu; consultez le journal.</translation>
    </message>
</context>
<context>
    <name>StaffProfileDialog</name>
    <message>
        <source>Edit my profile</source>
        <translation>Modifier mon profil</translation>
    </message>
    <message>
        <source>Add a counsellor</source>
        <translation>Ajouter un conseiller</translation>
    </message>
    <message>
        <source>Edit a staff profile</source>
        <translation>Modifier le profil d&apos;un membre du personnel</translation>
    </message>
    <message>
        <source>Username *</source>
        <translation>Nom d&apos;utilisateur *</translation>
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
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Niveau d&apos;accès</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Langue préférée</translation>
    </message>
</context>
<context>
    <name>StaffTable</name>
    <message>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Niveau d&apos;accès</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Élèves</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière ouverture de session</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Modifié par</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Membre du personnel</translation>
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
    <message>
        <source>The student will create their plan on the planning site; this school lets students direct their plans.</source>
        <translation>L&apos;élève créera son plan sur le site de planification : dans cette école, les élèves dirigent leur plan.</translation>
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
    <message>
        <source>The export holds students who are not in your list; nothing was written.</source>
        <translation>L&apos;exportation contient des élèves qui ne sont pas dans votre liste; rien n&apos;a été écrit.</translation>
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
    <message>
        <source>Transferred students</source>
        <translation>Transférés</translation>
    </message>
    <message>
        <source>Remove the search</source>
        <translation>Retirer la recherche</translation>
    </message>
    <message>
        <source>Search: {0}</source>
        <translation>Recherche : {0}</translation>
    </message>
    <message numerus="yes">
        <source>{0} students transferred to another school</source>
        <translation>
            <numerusform>{0} élève transféré dans une autre école</numerusform>
            <numerusform>{0} élèves transférés dans une autre école</numerusform>
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
    <message>
        <source>Grade at transfer</source>
        <translation>Année au transfert</translation>
    </message>
    <message>
        <source>Transferred on</source>
        <translation>Date du transfert</translation>
    </message>
    <message>
        <source>Receiving school</source>
        <translation>École d&apos;accueil</translation>
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
    <message>
        <source>A username has 3 to 64 characters: letters without accents, digits, dots, hyphens or underscores, starting with a letter or a digit, and at most one @ (an email-style login).</source>
        <translation>Un nom d’utilisateur a de 3 à 64 caractères : lettres sans accents, chiffres, points, traits d’union ou traits de soulignement, commence par une lettre ou un chiffre et contient au plus un @ (un identifiant de type courriel).</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>This desktop is not connected to a school server.</source>
        <translation>Ce poste n&apos;est pas relié à un serveur de l&apos;école.</translation>
    </message>
    <message>
        <source>Set your server password (My account → Server password…) to synchronize.</source>
        <translation>Définissez votre mot de passe du serveur (Mon compte → Mot de passe du serveur…) pour synchroniser.</translation>
    </message>
    <message>
        <source>The server says only program administrators review conflicts.</source>
        <translation>Selon le serveur, seuls les administrateurs du programme examinent les conflits.</translation>
    </message>
    <message>
        <source>The server did not take this choice: {0}</source>
        <translation>Le serveur n&apos;a pas accepté ce choix : {0}</translation>
    </message>
    <message>
        <source>The server keeps asking for changes from number {0} on; synchronization stopped. Tell the school&apos;s IT.</source>
        <translation>Le serveur redemande sans cesse les changements à partir du numéro {0}; la synchronisation est arrêtée. Avisez le service informatique de l&apos;école.</translation>
    </message>
    <message>
        <source>The server has lost changes this desktop sent before (it asks again from change {0}, older than what this desktop keeps). Tell the school&apos;s IT: the server may have been restored from an old backup.</source>
        <translation>Le serveur a perdu des changements que ce poste lui avait envoyés (il redemande à partir du changement {0}, plus ancien que ce que ce poste conserve). Avisez le service informatique de l&apos;école : le serveur a peut-être été restauré à partir d&apos;une vieille sauvegarde.</translation>
    </message>
    <message>
        <source>This desktop was offline longer than the server keeps deletions, and some of its changes are not sent yet; they stay here. Synchronize again when the server takes them.</source>
        <translation>Ce poste est resté hors ligne plus longtemps que le serveur ne garde les suppressions, et certains de ses changements ne sont pas encore envoyés; ils restent ici. Synchronisez de nouveau quand le serveur les acceptera.</translation>
    </message>
    <message>
        <source>the server refused the sign-in ({0})</source>
        <translation>le serveur a refusé la connexion ({0})</translation>
    </message>
    <message>
        <source>the server gave no answer to {0}</source>
        <translation>le serveur n&apos;a pas répondu à {0}</translation>
    </message>
    <message>
        <source>the server gave an unknown answer: {0}</source>
        <translation>le serveur a donné une réponse inconnue : {0}</translation>
    </message>
    <message>
        <source>the server refused: {0}</source>
        <translation>le serveur a refusé : {0}</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Synchronize now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Synchronizing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Offline — next try {0}</source>
        <translation>Hors ligne — prochain essai {0}</translation>
    </message>
    <message>
        <source>Offline — trying again…</source>
        <translation>Hors ligne — nouvel essai…</translation>
    </message>
    <message>
        <source>Not synchronized: {0}</source>
        <translation>Non synchronisé : {0}</translation>
    </message>
    <message>
        <source>Not synchronized yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <source>Synchronized {0}</source>
        <translation>Synchronisé {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n modification en attente</numerusform>
            <numerusform>%n modifications en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>(oldest {0})</source>
        <translation>(la plus ancienne {0})</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) or refused change(s)</source>
        <translation>
            <numerusform>%n conflit ou modification refusée</numerusform>
            <numerusform>%n conflits ou modifications refusées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordDialog</name>
    <message>
        <source>Temporary password</source>
        <translation>Mot de passe temporaire</translation>
    </message>
    <message>
        <source>The temporary password of {0} {1} ({2}) is shown only now. Give it to them in person; they must choose a new one when they next sign in.</source>
        <translation>Le mot de passe temporaire de {0} {1} ({2}) n&apos;est affiché que maintenant. Remettez-le en personne; un nouveau devra être choisi à la prochaine ouverture de session.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer</source>
        <translation>Transférer</translation>
    </message>
    <message numerus="yes">
        <source>Transfer {0} students to another school of the school board. Their plan and its history go with them; this school will no longer see them.</source>
        <translation>
            <numerusform>Transférer {0} élève dans une autre école du conseil scolaire. Son plan et son historique le suivent; cette école ne le verra plus.</numerusform>
            <numerusform>Transférer {0} élèves dans une autre école du conseil scolaire. Leur plan et son historique les suivent; cette école ne les verra plus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and {0} more</source>
        <translation>
            <numerusform>et {0} autre</numerusform>
            <numerusform>et {0} autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Receiving school:</source>
        <translation>École d&apos;accueil :</translation>
    </message>
    <message>
        <source>There is no other school in the school board.</source>
        <translation>Il n&apos;y a aucune autre école dans le conseil scolaire.</translation>
    </message>
    <message numerus="yes">
        <source>{0} students transferred to {1}.</source>
        <translation>
            <numerusform>{0} élève transféré vers {1}.</numerusform>
            <numerusform>{0} élèves transférés vers {1}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students stayed:</source>
        <translation>
            <numerusform>{0} élève est resté :</numerusform>
            <numerusform>{0} élèves sont restés :</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Choose another school of the school board.</source>
        <translation>Choisissez une autre école du conseil scolaire.</translation>
    </message>
    <message>
        <source>Graduated students are not transferred.</source>
        <translation>Les élèves diplômés ne sont pas transférés.</translation>
    </message>
    <message>
        <source>{0} already has a student with the number {1}.</source>
        <translation>{0} a déjà un élève avec le numéro {1}.</translation>
    </message>
</context>
</TS>
